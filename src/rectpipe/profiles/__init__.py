"""Vocabulary profiles: the embedded default (``default.yaml``) and user profiles merged over it.

Internal: the public door is :mod:`rectpipe`.
"""

from .profile import Profile, default_profile, load_profile

__all__ = ["Profile", "default_profile", "load_profile"]
