"""Internal: a document's blocks made ready for structure, in one call.

With repair on: cleaned and repaired (:mod:`.repair`), an item's number left at the end of the
line above it moved to its item (:mod:`.trailing_numbers`), a part's heading set in 【】 freed
of its brackets (:mod:`.bracketed_headings`), a field's label cut from the list it
opens on its line (:mod:`.opened_lists`), a group's circled findings run into its heading's
paragraph cut apart (:mod:`.circled_items`), tables copied one cell per line or one row a line
between bars rebuilt (:mod:`.flat_tables`, :mod:`.pipe_tables`), a second copy of the report
set aside (:mod:`.repeats`), and the page's links to other articles after the article set
aside (:func:`.furniture.article_end`), and a printed page's numbers and running headers a
copy kept taken out (:mod:`.page_lines`). With repair off: only cleaned (:mod:`.normalize`). A
printed report's table of contents is set aside in both (:mod:`.contents`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..readers.blocks import Block
from ..runtime.record import field, record
from .bracketed_headings import unbracket_headings
from .circled_items import split_circled_items
from .contents import contents_lines
from .flat_tables import join_flat_tables
from .furniture import article_end
from .gap_tables import join_gap_tables
from .normalize import clean_blocks
from .opened_lists import split_opened_lists
from .page_lines import drop_page_lines
from .pipe_tables import join_pipe_tables, split_box_rows
from .repair import Repaired, repair_and_clean
from .repeats import drop_repeat, drop_stretch_repeats
from .trailing_numbers import move_trailing_numbers

__all__ = ["Prepared", "prepare_blocks"]


@record(frozen=False, slots=False)
class Prepared:
    """The blocks structure reads; ``repaired`` (``None`` with repair off) the same blocks
    with what repair did to each; ``repeated``, ``links`` and ``page_lines`` what was set aside:
    a repeated copy of the report, the page's links to other articles, a printed page's
    numbers and running headers."""

    blocks: list[Block]
    repaired: list[Repaired] | None = None
    repeated: list[Repaired] = field(default_factory=list)
    links: list[Repaired] = field(default_factory=list)
    page_lines: list[tuple[Block, str]] = field(default_factory=list)
    """A printed page's numbers and running headers a copy's text held, with the reason."""


def prepare_blocks(
    blocks: Sequence[Block],
    *,
    repair: bool = True,
    labels: Sequence[str] = (),
    field_labels: Sequence[str] = (),
    table_headers: Collection[str] = (),
    number_columns: Collection[str] = (),
) -> Prepared:
    """``blocks`` ready for structure (see the module). ``labels`` and ``field_labels`` are
    repair's (:func:`.repair.repair_and_clean`); ``table_headers`` the column names a table
    copied one cell per line may have, ``number_columns`` those of its number column."""
    if not repair:
        cleaned = clean_blocks(blocks)
        contents = contents_lines([block.text for block in cleaned])
        return Prepared([block for k, block in enumerate(cleaned) if k not in contents])
    # — 2 — / 某某通报: a printed page's number and running header left in a copy's text
    blocks, page_lines = drop_page_lines(blocks)
    # a table copied one row a line, its cells set apart by gaps that cleaning would close
    blocks = join_gap_tables(blocks, table_headers)
    repaired = repair_and_clean(blocks, labels=labels, field_labels=field_labels)
    # …二是开展专项检查。2. / 项目资金拨付滞后。: an item's number left on the line above it
    repaired = move_trailing_numbers(repaired)
    # 【一、整改工作开展情况】: a part's heading in brackets, as a WeChat article sets it
    repaired = unbracket_headings(repaired)
    # 整改措施：1.… / 2.…: a label's line cut before the list it opens
    repaired = split_opened_lists(repaired, field_labels)
    # 二、关于…方面。①针对…。②针对…。: a group's findings run into its heading's paragraph
    repaired = split_circled_items(repaired)
    # a printed report's table of contents (目录 and its dotted entries)
    contents = contents_lines(
        [item.block.text for item in repaired], [item.original for item in repaired]
    )
    repaired = [item for k, item in enumerate(repaired) if k not in contents]
    repaired = join_flat_tables(repaired, table_headers, number_columns)
    repaired = split_box_rows(join_pipe_tables(repaired, table_headers))
    repaired, repeated = drop_repeat(repaired)
    if not repeated:  # 2.X / 整改情况：… / 2.X / 整改情况：…: a stretch pasted twice
        repaired, repeated = drop_stretch_repeats(repaired)
    # a page's links to other articles after the article (上一篇：…, 相关链接 + titles)
    end = article_end([item.block.text for item in repaired])
    repaired, links = repaired[:end], repaired[end:]
    return Prepared([item.block for item in repaired], repaired, repeated, links, page_lines)
