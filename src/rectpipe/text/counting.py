"""Runs of paragraphs whose leading numbers count 1, 2, 3… in order: how a copy's lost list
marks are told from figures that open a sentence (:mod:`.circled`, :mod:`.marker_dots`).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["counting_runs", "nested_runs"]


def counting_runs(numbers: Sequence[int | None], *, least: int, most_apart: int) -> list[list[int]]:
    """Runs of indexes into ``numbers`` whose numbers count 1, 2… in order, each at most
    ``most_apart`` places after the one before, at least ``least`` long; a number out of order
    ends a run (a 1 starts the next)."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, number in enumerate(numbers):
        if run and index - run[-1] > most_apart:
            runs.append(run)
            run = []
        if number is None:
            continue
        if number == len(run) + 1:
            run.append(index)
        else:
            runs.append(run)
            run = [index] if number == 1 else []
    runs.append(run)
    return [run for run in runs if len(run) >= least]


def nested_runs(numbers: Sequence[int | None], *, least: int, most_apart: int) -> list[list[int]]:
    """Like :func:`counting_runs`, for lists nested in lists numbered alike (``1 关于…方面``
    over its findings ``1 …``, ``2 …``, then ``2 关于…方面``): a 1 opens a run inside the open
    ones, a number continues the innermost open run it counts on (closing the runs inside
    it), and a number that continues none is no item's. Every number is at most
    ``most_apart`` places after the one before it; a longer gap closes every open run."""
    done: list[list[int]] = []
    stack: list[list[int]] = []
    last = -1
    for index, number in enumerate(numbers):
        if number is None:
            continue
        if stack and index - last > most_apart:
            done += stack
            stack = []
        for depth in range(len(stack) - 1, -1, -1):
            if number == len(stack[depth]) + 1:
                done += stack[depth + 1 :]
                del stack[depth + 1 :]
                stack[depth].append(index)
                last = index
                break
        else:
            if number == 1:
                stack.append([index])
                last = index
    done += stack
    return sorted((run for run in done if len(run) >= least), key=lambda run: run[0])
