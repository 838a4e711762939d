"""Operations: health and readiness probes, request logs, backup and restore."""

from .health import bp

__all__ = ["bp"]
