"""Internal: the labels of a portal page's information box (索引号 / 发布机构 / 成文日期 …), one
list for the web reader, which reads the box into hints, and for text copies, which carry the
box as lines between bars (``文号 | X | 成文日期: | …``)."""

from __future__ import annotations

__all__ = ["BOX_LABELS", "NAMING_BOX_LABELS", "PUBLISHER_BOX_LABELS", "STRONG_BOX_LABELS"]

BOX_LABELS = (
    "信息索引号", "索引号", "文件名称", "信息名称", "名称", "标题", "发布机构", "发文机构",
    "发文机关", "发文单位", "成文日期", "生成日期", "发文字号", "发文编号", "文号", "发布日期",
    "公开方式", "公开范围", "公开时限", "公开形式", "主题分类", "主题词", "体裁分类", "组配分类",
    "服务对象分类", "信息分类", "关键词", "有效性", "生效日期", "失效日期", "废止日期",
    "信息来源", "内容概述", "所属机构", "统一编号", "文件编号", "公开目录",
)  # fmt: skip
"""Header box labels; a longer one is matched before one it ends with (信息索引号, 索引号)."""
STRONG_BOX_LABELS = frozenset(
    {
        "信息索引号", "索引号", "文件名称", "发布机构", "发文机构", "发文机关", "发文单位",
        "成文日期", "生成日期", "发文字号", "公开方式", "公开范围", "主题分类",
    }
)  # fmt: skip
"""Labels that only such a box writes: one of them makes a run of labels a box."""
NAMING_BOX_LABELS = frozenset({"文件名称", "信息名称", "名称", "标题"})
"""Labels whose value names the document (its title); the others' values never do."""
PUBLISHER_BOX_LABELS = frozenset({"发布机构", "发文机构", "发文机关", "发文单位"})
"""Labels whose value names the body that published the document."""
