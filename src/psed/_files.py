"""File discovery for the command line and the audit: which documents a run looks at.

A path given by name is always checked, whatever its extension. A folder is searched
recursively for ``*.json``, ``*.yaml`` and ``*.yml`` files, and inside it these are
skipped:

- names that start with a dot (``.git``, ``.venv``, ``.hidden.yaml``);
- whatever matches an ``exclude`` or ``extend-exclude`` pattern (``.gitignore``
  syntax, matched against the path relative to the folder searched; by default
  :data:`DEFAULT_EXCLUDE`);
- whatever the repository's ``.gitignore`` files ignore (those inside the folder, and
  those above it up to the repository's root, with ``.git/info/exclude``), unless
  ``respect-gitignore`` is false;
- named pipes, sockets and devices (reading one could wait forever).

The order is fixed: the paths in the order given, each folder's files sorted by their
path relative to the folder (compared part by part, so ``a/z.yaml`` comes before
``a-b/x.yaml``). Folders are read one at a time, so memory does not grow with the
number of files. ``-`` stands for standard input. A path that does not exist, and a
folder that cannot be listed, are still yielded: checking them produces a PSED001
finding that says why, and the run goes on with the other files.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from psed.config import Config

__all__ = ["DEFAULT_EXCLUDE", "DOCUMENT_SUFFIXES", "STDIN", "Finder", "discover"]

DOCUMENT_SUFFIXES: tuple[str, ...] = (".json", ".yaml", ".yml")
"""The extensions a folder search picks up (case-insensitive)."""

DEFAULT_EXCLUDE: tuple[str, ...] = (".git", ".venv", "node_modules", "site", "build", "dist")
"""What a folder search skips unless the configuration's ``exclude`` says otherwise."""

STDIN = "-"
"""The path that means standard input."""


def _spec(lines: Iterable[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(list(lines))


def _read_ignore_file(path: str) -> GitIgnoreSpec | None:
    """The patterns of a ``.gitignore`` file; None when there is none (a warning if unreadable)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return _spec(handle.read().splitlines())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        warnings.warn(
            f"{path} cannot be read ({exc.strerror or exc}); its patterns are not applied",
            stacklevel=2,
        )
        return None


_Ignores = tuple[tuple[str, "GitIgnoreSpec"], ...]
"""``.gitignore`` patterns in force, as (the folder they are relative to, patterns),
the deepest folder last."""


def _repository_ignores(folder: str) -> _Ignores:
    """The ``.gitignore`` files above ``folder`` up to its repository's root, and
    ``.git/info/exclude``; nothing when ``folder`` is not inside a git repository."""
    found: list[tuple[str, GitIgnoreSpec]] = []
    here = os.path.dirname(folder)
    while True:
        try:
            is_root = os.path.exists(os.path.join(here, ".git"))
        except OSError:  # pragma: no cover - os.path.exists does not raise
            is_root = False
        spec = _read_ignore_file(os.path.join(here, ".gitignore"))
        if spec is not None:
            found.append((here, spec))
        if is_root:
            # .git is a folder in a repository's own work tree (a file in a linked work
            # tree or a submodule, whose info/exclude lives elsewhere and is not read)
            exclude = _read_ignore_file(os.path.join(here, ".git", "info", "exclude"))
            if exclude is not None:
                found.append((here, exclude))
            return tuple(reversed(found))
        parent = os.path.dirname(here)
        if parent == here:
            return ()  # no repository: only the .gitignore files inside the folder count
        here = parent


def _ignored(ignores: _Ignores, path: str, is_dir: bool) -> bool:
    """True when the deepest ``.gitignore`` pattern that matches ``path`` ignores it."""
    for base, spec in reversed(ignores):
        relative = os.path.relpath(path, base).replace(os.sep, "/")
        result = spec.check_file(relative + "/" if is_dir else relative)
        if result.include is not None:
            return result.include
    return False


class Finder:
    """The documents below the paths of a run, found folder by folder, and what was skipped.

    Iterate over it once. Afterwards :attr:`searched` lists the folders searched and
    :attr:`excluded` counts what ``exclude`` patterns or ``.gitignore`` files skipped,
    for a message when a run finds nothing.
    """

    def __init__(self, paths: Sequence[str], config: Config | None = None) -> None:
        from psed.config import Config

        config = Config() if config is None else config
        self.paths = list(paths)
        self._patterns = (*config.exclude, *config.extend_exclude)
        self._exclude: GitIgnoreSpec | None = None  # compiled when a folder is searched
        self._gitignore = config.respect_gitignore
        self.searched: list[str] = []
        """The folders named on the command line, as given."""
        self.excluded = 0
        """Files and folders skipped by ``exclude`` patterns or ``.gitignore`` files."""

    def __iter__(self) -> Iterator[str]:
        keys = [_key(p) for p in self.paths]
        # A path can only be found twice when two arguments overlap: only then are the
        # paths remembered (a set of every path would grow with the number of files).
        remember = any(
            i != j and (a == b or a.startswith(b.rstrip(os.sep) + os.sep))
            for i, a in enumerate(keys)
            for j, b in enumerate(keys)
        )
        seen: set[str] = set()
        for path in self.paths:
            if path != STDIN and os.path.isdir(path):
                self.searched.append(path)
                candidates: Iterable[str] = self._walk(path)
            else:
                candidates = (path,)
            for candidate in candidates:
                if remember:
                    key = _key(candidate)
                    if key in seen:
                        continue
                    seen.add(key)
                yield candidate

    def _walk(self, folder: str) -> Iterator[str]:
        if self._exclude is None:
            self._exclude = _spec(self._patterns)
        root = os.path.abspath(folder)
        ignores = _repository_ignores(root) if self._gitignore else ()
        yield from self._folder(folder, root, "", ignores)

    def _folder(self, shown: str, root: str, relative: str, ignores: _Ignores) -> Iterator[str]:
        """The documents in one folder and below it, in order; ``shown`` as it is printed."""
        absolute = os.path.join(root, relative) if relative else root
        try:
            with os.scandir(shown) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            yield shown  # checking it says why it cannot be searched (PSED001)
            return
        if self._gitignore:
            spec = _read_ignore_file(os.path.join(shown, ".gitignore"))
            if spec is not None:
                ignores = (*ignores, (absolute, spec))
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and not name.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            inner = f"{relative}/{name}" if relative else name
            assert self._exclude is not None
            if self._exclude.match_file(inner + "/" if is_dir else inner) or (
                ignores and _ignored(ignores, os.path.join(absolute, name), is_dir)
            ):
                self.excluded += 1
                continue
            path = os.path.join(shown, name)
            if is_dir:
                yield from self._folder(path, root, inner, ignores)
            elif _is_file(entry):
                yield path


def _is_file(entry: os.DirEntry[str]) -> bool:
    """False for a named pipe, socket or device. A broken link is kept, to be reported."""
    if entry.is_file():
        return True
    return entry.is_symlink() and not os.path.exists(entry.path)


def _key(path: str) -> str:
    return path if path == STDIN else os.path.normcase(os.path.abspath(path))


def discover(paths: Iterable[str], config: Config | None = None) -> Iterator[str]:
    """The document paths to check, in a deterministic order, each once.

    Folders are expanded, with the configuration's ``exclude``, ``extend-exclude`` and
    ``respect-gitignore``; files (and ``-``) are kept as given. A path named twice, or
    found twice through overlapping folders, is checked once, at its first place.
    """
    return iter(Finder(list(paths), config))
