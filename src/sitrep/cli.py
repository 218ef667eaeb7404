"""Command line: `sitrep build`, `sitrep export`, `sitrep report`, `sitrep show`."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import __version__, nlp, pipeline
from sitrep.attribution.models import DATA_DIR
from sitrep.errors import SitrepError, UsageProblem
from sitrep.ingest import fetch
from sitrep.output import export as exporter
from sitrep.output import report as reporter
from sitrep.records import InputFailure, SkippedFile
from sitrep.settings import DEFAULT_DB, DEFAULT_SETTINGS, FIXED, Settings, parse_setting
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
    articles: Annotated[list[str] | None, typer.Argument(
        help="Files, folders or globs of articles; - reads standard input.")] = None,
    db: DbOption = DEFAULT_DB,
    max_bytes: Annotated[int, typer.Option(
        help="Refuse input files larger than this many bytes.")] = DEFAULT_SETTINGS.max_bytes,
    model: Annotated[str, typer.Option(help="spaCy model package to parse with.")] = DEFAULT_SETTINGS.model,
    workers: Annotated[int, typer.Option(
        help="Processes that parse at once (default: the machine's cores); same results for any number.")
    ] = DEFAULT_SETTINGS.workers,
    setting: Annotated[list[str] | None, typer.Option(
        help="NAME=VALUE: change one setting for this build (repeatable); `sitrep settings` lists them.")] = None,
    follow_links: Annotated[bool, typer.Option(
        help="Follow links found in folders wherever they lead (default: only to files inside the inputs).")] = False,
    urls: Annotated[str | None, typer.Option(
        help="A file of URLs, one a line (- reads standard input): each page is fetched and read as HTML; "
             "the only network sitrep uses.")] = None,
) -> None:
    """Read articles (text, HTML, WARC, JSON Lines) into the store. Exit status 1 if any input failed."""
    try:
        flags = {"max_bytes": max_bytes, "model": model, "workers": workers}
        settings = Settings(**flags | dict(map(parse_setting, setting or ())))
        nlp.load(settings.model)
    except SitrepError as exc:
        err.print(f"error {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    if not articles and not urls:
        err.print(f"error {UsageProblem.NO_INPUTS.error()}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    store = _open_store(db)
    files = pipeline.input_files(articles or [], follow_links) + (fetch.url_inputs(urls, settings) if urls else [])
    inputs = [*(articles or []), *([f"--urls {urls}"] if urls else [])]
    with _progress("building") as progress:
        task = progress.add_task("", total=len(files))

        def on_problem(problem: InputFailure | SkippedFile) -> None:
            progress.console.print(problem.message, markup=False, highlight=False, soft_wrap=True,
                                   style="red" if isinstance(problem, InputFailure) else "dim")

        def on_file(path: str) -> None:
            progress.update(task, advance=1, description=Path(path).name)

        def on_stage(stage: str) -> None:  # whole-corpus stages: no count to show, a pulsing bar
            nonlocal task
            progress.update(task, total=1, completed=1)
            task = progress.add_task(stage, total=None)

        report = pipeline.build(files, store, inputs=inputs, settings=settings, on_file=on_file,
                                on_problem=on_problem, on_stage=on_stage)
    out.print(f"{report.added} documents added, {report.unchanged} already stored, "
              f"{len(report.failures)} failed, {len(report.skipped)} skipped → {db}", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command("settings")
def list_settings() -> None:
    """Every setting (`sitrep build --setting NAME=VALUE`) with its type, default and help; then the fixed
    constants, which no build can change."""
    for title, values in (("Settings: sitrep build --setting NAME=VALUE", DEFAULT_SETTINGS),
                          ("Fixed, not settings: the shape of the trained models and of the reuse index", FIXED)):
        table = Table(title=title, title_justify="left", box=None, pad_edge=False)
        table.add_column("name", no_wrap=True)
        table.add_column("type")
        table.add_column("default" if values is DEFAULT_SETTINGS else "value", overflow="fold")
        table.add_column("help")
        for item in fields(values):
            table.add_row(item.name, item.type.__name__, str(getattr(values, item.name)), item.metadata["help"])
        out.print(table, highlight=False)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help=(
        f"{', '.join(exporter.FORMATS[:-1])} or {exporter.FORMATS[-1]} (any case). "
        f"{' and '.join(exporter.FOLDER_FORMATS)} write one table a file (documents, entities, mentions, …) "
        "into the --output folder; graphml is the source network."))] = "json",
    output: Annotated[Path | None, typer.Option(
        help="File to write (default: standard output); for csv and parquet, the folder.")] = None,
) -> None:
    """Write the story (documents, entities, attributions, reuse, claims, disputes) as JSON, JSON Lines,
    CSV or Parquet tables, or GraphML."""
    fmt = fmt.lower()
    problem = None
    if fmt not in exporter.FORMATS:
        problem = UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=", ".join(exporter.FORMATS))
    elif fmt in exporter.FOLDER_FORMATS and output is None:
        problem = UsageProblem.EXPORT_NEEDS_FOLDER.error(fmt=fmt)
    if problem:
        err.print(f"error {problem}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    store = _open_store(db)
    story = exporter.story_of(store)
    try:
        if fmt in exporter.FOLDER_FORMATS:
            written = exporter.write_tables(story, output, fmt)
            err.print(f"wrote {len(written)} tables to {output}", highlight=False)
            return
        text = exporter.render(story, fmt)
        if output is None:
            typer.echo(text, nl=False)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.print(f"error {UsageProblem.CANNOT_WRITE.error(path=output, detail=exc.strerror or exc)}",
                  markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    err.print(f"wrote {output}", highlight=False)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path, typer.Option(
        help="Folder for index.html (one self-contained page) and report.md.")] = Path("report"),
) -> None:
    """Write the situation report: DIR/index.html, which fetches nothing, and DIR/report.md."""
    store = _open_store(db)
    try:
        page = reporter.write(exporter.story_of(store), output)
    except SitrepError as exc:
        err.print(f"error {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    typer.echo(f"wrote {page}")


@app.command()
def show(db: DbOption = DEFAULT_DB) -> None:
    """What is in the store: documents, outlets, dates, languages, and the last build's failures."""
    store = _open_store(db)
    counts = store.counts()
    out.print(f"[bold]{counts['documents']}[/bold] documents in {db} "
              f"({counts['builds']} builds); published {counts['first_published'] or '?'} … "
              f"{counts['last_published'] or '?'}, {counts['undated']} undated; "
              f"{counts['story_entities']} entities ({counts['entities']} before merging across articles), "
              f"{counts['attributions']} attributions, {counts['reuse']} reused passages, "
              f"{counts['claims']} claims, {counts['disputes']} disputes")
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


eval_app = typer.Typer(help="Measure sitrep against annotated data.", no_args_is_help=True)
train_app = typer.Typer(help="Train sitrep's models on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")


@eval_app.command("attribution")
def eval_attribution(
    gold: Annotated[Path, typer.Option(help="Annotated articles, JSON Lines (PolNeAR shape).")],
    predictions: Annotated[Path | None, typer.Option(help="Write what sitrep found, one article a line.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
    without: Annotated[list[str] | None, typer.Option(
        help="Switch off one span repair (repeatable), to measure what it is worth.")] = None,
) -> None:
    """Run attribution extraction on each article's text; print Citron's exact and overlap scores."""
    from sitrep import attribution
    from sitrep.attribution import evaluation

    switched_off = frozenset(without or ())
    for name in sorted(switched_off - attribution.SPAN_REPAIRS.keys()):
        err.print(f"error {UsageProblem.UNKNOWN_REPAIR.error(name=name, choices=', '.join(attribution.SPAN_REPAIRS))}",
                  markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    articles = evaluation.read_gold(gold)
    predicted = []
    with _progress("attribution") as progress:
        task = progress.add_task("", total=len(articles))
        for article, doc in zip(articles, nlp.parse((a["text"] for a in articles), model)):
            found = attribution.find_spans(doc, without=switched_off)
            predicted.append({"id": article["id"], "attributions": attribution.as_gold_shape(doc, found)})
            progress.update(task, advance=1)
    if predictions:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predicted), encoding="utf-8")
    scores = evaluation.score(articles, predicted, {a["id"]: a["text"] for a in articles})
    table = Table("role", "match", "precision", "recall", "F1", box=None, pad_edge=False)
    for role, match, precision, recall, f1 in scores.as_table():
        table.add_row(role, match, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}")
    out.print(f"{scores.articles} articles, {scores.gold} gold and {scores.predicted} predicted attributions")
    out.print(table)
    out.print(f"whole-attribution recall {scores.attribution_recall:.3f}")


@eval_app.command("entities")
def eval_entities(
    gold: Annotated[Path, typer.Option(help="Stories with gold coreference chains, JSON Lines (ECB+ shape).")],
    predictions: Annotated[Path | None, typer.Option(help="Write the merged entities' mentions, one story a line.")
                           ] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
) -> None:
    """Build each story (its articles) in a temporary store; score the merged entities' mentions against
    the gold chains on the named mentions (MUC, B³, CEAF-e, CoNLL, LEA, pairwise), beside the string baselines."""
    import tempfile

    from sitrep.story import coreference_eval as ce

    stories = ce.read_gold(gold)
    settings = Settings(model=model, workers=1)
    ours, lines = ce.Counts(), []
    with _progress("entities") as progress:
        task = progress.add_task("", total=len(stories))
        for story in stories:
            with tempfile.TemporaryDirectory() as folder:
                for number, document in enumerate(story["documents"]):
                    (Path(folder) / f"{number:04d}.txt").write_text(document["text"], encoding="utf-8")
                store = Store(str(Path(folder) / "story.db"))
                pipeline.build(pipeline.input_files([folder]), store, settings=settings)
                built = {story["documents"][int(Path(d.path).stem)]["id"]: d for d in store.documents()}
                found = ce.predicted_entities(story, built, list(store.entities()), store.story().entity_links)
                store.engine.dispose()
            ours += ce.score_story(story, found)
            lines.append(ce.prediction_line(story, found))
            progress.update(task, advance=1, description=story["id"])
    if predictions:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in lines), encoding="utf-8")
    columns = {"sitrep": ce.Scores(ours)}  # then the README's reference rows, given the gold mentions
    for clue, label in (("string", "exact string"), ("head", "head word")):
        columns[label] = ce.Scores(sum((ce.score_story(s, ce.baseline(s, clue)) for s in stories), ce.Counts()))
    table = Table("metric", *columns, box=None, pad_edge=False)
    for metric in columns["sitrep"].row():
        table.add_row(metric, *(f"{scores.row()[metric]:.4f}" for scores in columns.values()))
    out.print(f"{ours.stories} stories, {ours.gold_mentions} gold named mentions, {ours.matched} found "
              f"({ours.predicted_mentions} predicted mentions in all)", highlight=False)
    out.print(table, highlight=False)


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Option(help="MUC-4 documents with their answer keys, JSON Lines (shared/data/muc4).")],
    predictions: Annotated[Path | None, typer.Option(help="Write what sitrep found, one document a line.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
    limit: Annotated[int, typer.Option(help="Score the first N documents only (0: all).")] = 0,
) -> None:
    """Find the events of each MUC-4 article (text case-restored, dated by its dateline); print event
    detection, document relevance, role, killed, date and place scores (muc4/README.md)."""
    from sitrep.events import evaluation as ev

    documents = ev.read_gold(gold)[:limit or None]
    predicted = ev.predict(documents, Settings(model=model, workers=1))
    if predictions:
        predictions.write_text("".join(json.dumps({"id": d["id"], "events": predicted[d["id"]]}, ensure_ascii=False)
                                       + "\n" for d in documents), encoding="utf-8")
    out.print(f"{len(documents)} documents", highlight=False)
    for line in ev.report_lines(ev.score(documents, predicted)):
        out.print(line, highlight=False, markup=False)


@train_app.command("attribution")
def train_attribution(
    gold: Annotated[Path, typer.Option(help="Annotated articles, JSON Lines (PolNeAR shape).")],
    output: Annotated[Path, typer.Option(help="Where the models go.")] = DATA_DIR,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
) -> None:
    """Fit the cue and role taggers (CRFs) on annotated articles; deterministic."""
    from sitrep.attribution.train import train

    train(gold, output, model=model, log=lambda line: out.print(line, highlight=False))


def _progress(label: str) -> Progress:
    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=err, transient=True)


@app.command()
def version() -> None:
    """Print sitrep's version."""
    out.print(__version__)
