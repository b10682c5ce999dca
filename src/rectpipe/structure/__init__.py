"""Blocks and their numbering markers → the numbered tree (:func:`build_tree`)."""

from .tree import Node, Tree, build_tree

__all__ = ["Node", "Tree", "build_tree"]
