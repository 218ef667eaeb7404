"""Command line: `sitrep build`, `sitrep export`, `sitrep show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import __version__, export as exporter, pipeline
from sitrep.errors import SitrepError, UsageProblem
from sitrep.records import InputFailure, SkippedFile
from sitrep.settings import DEFAULT_DB, DEFAULT_SETTINGS, Settings
from sitrep.store import Store

app = typer.Typer(help="Turn raw news articles about a developing conflict into a sourced situation report.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file, or a database URL (postgresql://…).")]


def _open_store(db: str) -> Store:
    try:
        return Store(db)
    except SitrepError as exc:
        err.print(f"[red]error[/red] {exc}", markup=True, highlight=False)
        raise typer.Exit(2) from exc


@app.command()
def build(
    articles: Annotated[list[str], typer.Argument(help="Files, folders or globs of articles.")],
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(help="Refuse input files larger than this many bytes.")] = DEFAULT_SETTINGS.max_bytes,
) -> None:
    """Read articles (text, HTML, WARC, JSON Lines) into the store. Exit status 1 if any input failed."""
    settings = Settings(max_bytes=max_bytes)
    store = _open_store(db)
    files = pipeline.input_files(articles)
    with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, transient=True) as progress:
        task = progress.add_task("", total=len(files))

        def on_file(path: str, items: list[object]) -> None:
            for item in items:
                if isinstance(item, (InputFailure, SkippedFile)):
                    progress.console.print(item.message, markup=False, highlight=False,
                                           style="red" if isinstance(item, InputFailure) else "dim")
            progress.update(task, advance=1, description=Path(path).name)

        report = pipeline.build(files, store, inputs=articles, settings=settings, on_file=on_file)
    out.print(f"{report.added} documents added, {report.unchanged} already stored, "
              f"{len(report.failures)} failed, {len(report.skipped)} skipped → {db}", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl or csv.")] = "json",
    output: Annotated[Path | None, typer.Option(help="File to write (default: standard output).")] = None,
) -> None:
    """Write the story (documents, and the sections later stages fill) as JSON, JSON Lines or CSV."""
    if fmt not in exporter.FORMATS:
        err.print(f"error {UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=', '.join(exporter.FORMATS))}",
                  markup=False, highlight=False)
        raise typer.Exit(2)
    store = _open_store(db)
    text = exporter.render(exporter.contract(store.documents()), fmt)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)


@app.command()
def show(db: DbOption = DEFAULT_DB) -> None:
    """What is in the store: documents, outlets, dates, languages, and the last build's failures."""
    store = _open_store(db)
    counts = store.counts()
    out.print(f"[bold]{counts['documents']}[/bold] documents in {db} "
              f"({counts['builds']} builds); published {counts['first_published'] or '?'} … "
              f"{counts['last_published'] or '?'}, {counts['undated']} undated")
    for heading, rows in (("outlet", counts["outlets"]), ("language", counts["languages"])):
        table = Table(heading, "documents", box=None, pad_edge=False)
        for value, number in rows:
            table.add_row(value or "[dim](none)[/dim]", str(number))
        out.print(table)
    documents = Table(box=None, pad_edge=False)
    documents.add_column("published", no_wrap=True, min_width=10)
    for heading in ("outlet", "title", "file"):
        documents.add_column(heading, no_wrap=True, overflow="ellipsis", max_width=28)
    for document in store.documents():
        documents.add_row(document.published or "-", document.outlet or "-", document.title or "-",
                          Path(document.path).name + (f"#{document.url}" if document.url else ""))
    out.print(documents)
    failures = store.latest_failures()
    out.print(f"[bold]{len(failures)}[/bold] failures in the last build")
    for failure in failures:
        out.print(failure.message, markup=False, highlight=False, style="red")


@app.command()
def version() -> None:
    """Print sitrep's version."""
    out.print(__version__)
