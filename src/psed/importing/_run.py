"""``psed import``: many files in, one YAML document each out, and the import report.

A file that cannot be imported gets one line saying why and what to do, and the run
goes on with the others; the exit status is then 2, as for ``psed check``. Nothing is
written for such a file, and an existing file is never replaced without ``--force``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import IO

from psed._i18n import _
from psed.importing import (
    SUFFIXES,
    ImportProblem,
    ImportResult,
    Template,
    TemplateError,
    builtin_templates,
    import_file,
    load_template,
)
from psed.importing._report import dumps_report, import_report

__all__ = ["RunError", "discover", "run"]


class RunError(Exception):
    """A problem with the command line (a template that does not exist): exit 2."""


def discover(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(file, the folder it was found under) for each input; folders searched recursively."""
    for path in paths:
        if os.path.isdir(path):
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.lower().endswith(SUFFIXES) and not name.startswith(("~$", ".")):
                        found.append(os.path.join(folder, name))
            for name in sorted(found):
                yield name, path
        else:
            yield path, None


def _output(path: str, root: str | None, out_dir: str | None) -> str:
    stem = os.path.splitext(path)[0]
    if out_dir is None:
        return stem + ".yaml"
    relative = os.path.relpath(stem, root) if root is not None else os.path.basename(stem)
    return os.path.join(out_dir, relative + ".yaml")


def templates_for(
    config_templates: Sequence[str], choice: str
) -> tuple[list[Template], str | Template]:
    """The templates to choose among, and the ``template`` argument for :func:`import_file`."""
    templates = list(builtin_templates().values())
    try:
        for path in config_templates:
            own = load_template(path)
            templates = [t for t in templates if t.id != own.id] + [own]
        if choice.lower().endswith((".yaml", ".yml")) or os.sep in choice:
            return templates, load_template(choice)
    except TemplateError as exc:
        raise RunError(str(exc)) from None
    if choice != "auto" and choice not in {t.id for t in templates}:
        known = ", ".join(sorted(t.id for t in templates))
        raise RunError(
            _(
                "--template: there is no template {template}; use auto, one of {known}, or "
                "the path of a template file",
                template=repr(choice),
                known=known,
            )
        )
    return templates, choice


def _summary(result: ImportResult) -> str:
    others = [c for c in result.candidates if c[0] != result.template]
    how = "auto" if result.chosen == "auto" else "as given"
    sure = f"score {result.score:.2f}"
    if others:
        sure += f"; next {others[0][0]} {others[0][1]:.2f}"
    if result.score < 0.5:
        sure += "; a poor fit: check the document, or write a template for this form"
    inferred, unmapped = len(result.inferred), len(result.unmapped)
    return (
        f"template {result.template} ({how}, {sure}); "
        f"{inferred} value{'s' if inferred != 1 else ''} inferred to confirm, "
        f"{unmapped} piece{'s' if unmapped != 1 else ''} of text not imported"
    )


def run(
    paths: Sequence[str],
    *,
    out: IO[str],
    err: IO[str],
    output_dir: str | None,
    template: str,
    status: str | None,
    report: str | None,
    force: bool,
    config_templates: Sequence[str] = (),
    version: str,
) -> int:
    """Import every file; print one line each and a summary. 0 if all imported, else 2."""
    templates, choice = templates_for(config_templates, template)
    done: list[tuple[ImportResult, str | None]] = []
    failed: list[tuple[str, str]] = []
    claimed: set[str] = set()
    for path, root in discover(paths):
        target = _output(path, root, output_dir)
        if target in claimed:
            stem, _ = os.path.splitext(target)
            target = f"{stem}-{os.path.splitext(path)[1].lstrip('.').lower()}.yaml"
        claimed.add(target)
        try:
            result = import_file(path, template=choice, templates=templates, status=status)
        except ImportProblem as exc:
            failed.append((path, exc.message))
            err.write(f"{path}: error: {exc.message}\n")
            continue
        if result.findings:
            message = (
                f"the template {result.template} made a document with problems "
                f"({result.findings[0].pointer or '/'}: {result.findings[0].message}); "
                "fix the template, or choose another with --template"
            )
            failed.append((path, message))
            err.write(f"{path}: error: {message}\n")
            continue
        try:
            folder = os.path.dirname(target)
            if folder:
                os.makedirs(folder, exist_ok=True)
            with open(target, "w" if force else "x", encoding="utf-8", newline="\n") as handle:
                handle.write(result.yaml)
        except FileExistsError:
            message = f"{target} already exists; use --force to replace it"
            failed.append((path, message))
            err.write(f"{path}: error: {message}\n")
            continue
        except OSError as exc:
            message = f"cannot write {target} ({exc.strerror or exc})"
            failed.append((path, message))
            err.write(f"{path}: error: {message}\n")
            continue
        done.append((result, target))
        out.write(f"{path} -> {target}: {_summary(result)}\n")
    if report is not None:
        data = import_report(done, failed, version=version)
        try:
            with open(report, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(dumps_report(data))
        except OSError as exc:
            err.write(f"--report: cannot write {report} ({exc.strerror or exc})\n")
            return 2
    inferred = sum(len(r.inferred) for r, _ in done)
    unmapped = sum(len(r.unmapped) for r, _ in done)
    total = len(done) + len(failed)
    line = (
        f"imported {len(done)} of {total} file{'s' if total != 1 else ''}"
        + (f"; {len(failed)} could not be imported" if failed else "")
        + f"; {inferred} value{'s' if inferred != 1 else ''} inferred to confirm"
        + f"; {unmapped} piece{'s' if unmapped != 1 else ''} of text not imported"
        + (f" (listed in {report})" if report else " (--report FILE lists them)")
    )
    out.write(line + "\n")
    if total == 0:
        err.write("no .docx, .html, .htm or .pdf files found\n")
        return 2
    return 2 if failed else 0
