"""A tagged PDF (PDF/UA-1) from the rendered HTML, with WeasyPrint.

WeasyPrint lays out the same page as the HTML output with its print styles, tags the
structure (headings, tables, lists) for assistive technology, embeds subsets of the
fonts it uses and takes the title, author and language from the page. It is given
no base address and a fetcher that refuses every request, so rendering never reads
a file or the network.
"""

from __future__ import annotations

from typing import Any, NoReturn

__all__ = ["pdf"]


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"a rendered assessment loads nothing from outside: {url}")


def pdf(page: str) -> bytes:
    """The PDF/UA-1 document of an HTML page made by :func:`psed.rendering._templates.html`."""
    from psed.rendering import _require

    weasyprint = _require("weasyprint", "WeasyPrint")
    document = weasyprint.HTML(string=page, base_url=None, url_fetcher=_refuse)
    result: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return result
