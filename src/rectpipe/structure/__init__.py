"""Blocks and their numbering markers → the numbered tree (:func:`build_tree`).

Internal: the public door is :mod:`rectpipe`.
"""

from .tree import Node, Tree, build_tree

__all__ = ["Node", "Tree", "build_tree"]
