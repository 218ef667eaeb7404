"""Command line: `sitrep build`, `sitrep export`, `sitrep report`, `sitrep show`."""

from __future__ import annotations

import functools
import json
import time
from dataclasses import asdict, fields
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, get_args

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import TyperException

from sitrep import __version__, cluster, nlp, pipeline
from sitrep.errors import Notice, SitrepError, UsageProblem
from sitrep.ingest import fetch
from sitrep.output import export as exporter
from sitrep.output import report as reporter
from sitrep.records import InputFailure, SkippedFile
from sitrep.settings import DEFAULT_DB, DEFAULT_SETTINGS, FIXED, Settings, parse_setting
from sitrep.store import SCHEMA_VERSION, Store
from sitrep.text import printable

out = Console()
err = Console(stderr=True)
UNEXPECTED_STATUS = 3  # 1: some inputs failed (build), 2: a usage problem, 3: sitrep itself failed


def _say(console: Console, text: str, style: str | None = None) -> None:
    """One line for people, as it is: no markup ("[/]" in a title), no emoji (":thumbs_up:.txt"), no
    highlighting, never wrapped (a log file gets one line a message), control characters escaped."""
    console.print(printable(text), style=style, markup=False, emoji=False, highlight=False, soft_wrap=True)


def _fail(problem: Exception, status: int = 2) -> NoReturn:
    _say(err, f"error {problem}", style="red")
    raise typer.Exit(status)


def _cell(value: object, style: str | None = None) -> Text:
    """A table cell shown as it is (a plain string cell would be read as markup)."""
    return Text(printable(str(value)), style=style or "")


def _plain_metavar(param) -> str:
    """What help shows for an option's value: PATH, N, NUMBER, TEXT or the choices; nothing for a flag."""
    if getattr(param, "is_flag", False):
        return ""
    described = param.type_descriptor
    if described.is_choice:
        return "|".join(str(getattr(choice, "value", choice)) for choice in described.choices)
    if described.is_path:
        return "PATH"
    annotation = get_args(described.annotation)[0] if described.is_list else described.annotation
    return {int: "N", float: "NUMBER"}.get(annotation, "TEXT")


def _no_type(ctx=None) -> None:
    return None


class _PlainHelp:
    """Help that names values plainly (PATH, N, TEXT, ARTICLES) where Typer prints <path>, <int>, <bool>
    or <list[str]>; an option that sets its own metavar keeps it."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if param.metavar is None and isinstance(param, TyperArgument):
                param.metavar = param.name.upper()
                param.display_type_rich = _no_type  # its name says what it takes
            elif param.metavar is None:
                param.metavar = _plain_metavar(param)
        return params


class _Command(_PlainHelp, TyperCommand):
    pass


class _Group(_PlainHelp, TyperGroup):
    """sitrep's commands. Whatever goes wrong, a user sees one coded line (`--debug`: the traceback too)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as exc:
            if ctx.find_root().params.get("debug"):
                raise
            if isinstance(exc, SitrepError):
                _fail(exc)
            detail = f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0]}".rstrip(": ")
            _fail(UsageProblem.UNEXPECTED.error(detail=detail), UNEXPECTED_STATUS)


class _Typer(typer.Typer):
    def command(self, *args, **kwargs):
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _Typer(help="Turn raw news articles about a developing conflict into a sourced situation report.",
             no_args_is_help=True, add_completion=False, cls=_Group)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file, or a database URL (postgresql://…).")]
StoryOption = Annotated[str | None, typer.Option("--story", help="Only this story (`sitrep stories` lists them).")]


def _print_version(value: bool) -> None:
    if value:
        out.print(__version__, highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option(
        "--version", help="Print sitrep's version and exit.", is_eager=True, callback=_print_version)] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="When a command fails, print the traceback too (after `sitrep`, before the command).")
    ] = False,
) -> None:
    """Turn raw news articles about a developing conflict into a sourced situation report."""


def _open_store(db: str, read_only: bool = False, must_exist: bool = False) -> Store:
    """The store at `db`; read-only (show, export, report), one that must exist, and nothing is written."""
    try:
        return Store(db, read_only=read_only, must_exist=must_exist)
    except SitrepError as exc:
        _fail(exc)


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
    dask: Annotated[int | None, typer.Option(
        min=1, help="Parse and analyse on a Dask cluster of N worker processes started for this build (instead of "
                    "--workers); this process still reads the files and writes the store. Same results.")] = None,
    cluster_address: Annotated[str | None, typer.Option(
        "--cluster", help="Parse and analyse on the running Dask cluster whose scheduler is at this address "
                          "(tcp://HOST:PORT); its workers need sitrep and the model installed. Same results.")] = None,
    setting: Annotated[list[str] | None, typer.Option(
        help="NAME=VALUE: change one setting for this build (repeatable); `sitrep settings` lists them.")] = None,
    follow_links: Annotated[bool, typer.Option(
        help="Follow links found in folders wherever they lead (default: only to files inside the inputs).")] = False,
    urls: Annotated[str | None, typer.Option(
        help="A file of URLs, one a line (- reads standard input): each page is fetched and read as HTML; "
             "the only network sitrep uses.")] = None,
) -> None:
    """Read articles (text, HTML, WARC, JSON Lines) into the store; they join the stories they are about, and
    only those stories are analysed again. Exit status 1 if any input failed, 3 if a story stage failed (the
    documents are stored; the stories and their results stay those of the build before)."""
    try:
        if dask is not None and cluster_address is not None:
            raise UsageProblem.DASK_AND_CLUSTER.error()
        flags = {"max_bytes": max_bytes, "model": model, "workers": workers}
        if dask is not None or cluster_address is not None:
            flags["dask"] = f"local:{dask}" if dask is not None else cluster_address
        settings = Settings(**flags | dict(map(parse_setting, setting or ())))
        nlp.load(settings.model)
        cluster.check(settings)
    except SitrepError as exc:
        err.print(f"error {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    if not articles and not urls:
        err.print(f"error {UsageProblem.NO_INPUTS.error()}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    store = _open_store(db)
    files = pipeline.input_files(articles or [], follow_links) + (fetch.url_inputs(urls, settings) if urls else [])
    inputs = [*(articles or []), *([f"--urls {urls}"] if urls else [])]
    def on_wait(holder: str) -> None:
        _say(err, Notice.BUILD_WAITING.line(db=db, holder=holder))

    with store.build_lock(on_wait), _progress("building") as progress:
        task = progress.add_task("", total=len(files))

        def on_problem(problem: InputFailure | SkippedFile) -> None:
            _say(progress.console, problem.message, style="red" if isinstance(problem, InputFailure) else "dim")

        def on_file(path: str) -> None:
            progress.update(task, advance=1, description=printable(Path(path).name))

        def on_stage(stage: str) -> None:  # story stages: no count to show, a pulsing bar
            nonlocal task
            progress.update(task, total=1, completed=1)
            task = progress.add_task(stage, total=None)

        report = pipeline.build(files, store, inputs=inputs, settings=settings, on_file=on_file,
                                on_problem=on_problem, on_stage=on_stage)
    _say(out, f"{report.added} documents added, {report.unchanged} already stored, "
              f"{len(report.failures)} failed, {len(report.skipped)} skipped → {db}")
    if report.stage_failure is not None:
        _say(err, f"error {report.stage_failure.message}", style="red")
        raise typer.Exit(UNEXPECTED_STATUS)
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
    story_id: StoryOption = None,
) -> None:
    """Write the story (documents, entities, attributions, reuse, claims, disputes) as JSON, JSON Lines,
    CSV or Parquet tables, or GraphML: of every story in the store, or of one (--story)."""
    fmt = fmt.lower()
    problem = None
    if fmt not in exporter.FORMATS:
        problem = UsageProblem.BAD_FORMAT.error(fmt=fmt, choices=", ".join(exporter.FORMATS))
    elif fmt in exporter.FOLDER_FORMATS and output is None:
        problem = UsageProblem.EXPORT_NEEDS_FOLDER.error(fmt=fmt)
    if problem:
        err.print(f"error {problem}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    store = _open_store(db, read_only=True)
    story = exporter.story_of(store, _story_in(store, db, story_id))
    try:
        if fmt in exporter.FOLDER_FORMATS:
            written = exporter.write_tables(story, output, fmt)
            _say(err, f"wrote {len(written)} tables to {output}")
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
    _say(err, f"wrote {output}")


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    output: Annotated[Path, typer.Option(
        help="Folder for index.html (one self-contained page) and report.md.")] = Path("report"),
    story_id: StoryOption = None,
) -> None:
    """Write the situation report: DIR/index.html, which fetches nothing, and DIR/report.md; of every story in
    the store, or of one (--story; `sitrep stories` lists them)."""
    store = _open_store(db, read_only=True)
    try:
        page = reporter.write(exporter.story_of(store, _story_in(store, db, story_id)), output)
    except SitrepError as exc:
        _fail(exc)
    _say(out, f"wrote {page}")


def _story_in(store: Store, db: str, story_id: str | None) -> str | None:
    """`story_id` when the store holds that story (an error naming it when not)."""
    if story_id is not None and not store.stories(story_id):
        _fail(UsageProblem.NO_STORY.error(story=story_id, db=db))
    return story_id


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="The same, as a JSON list.")] = False,
) -> None:
    """The stories the store's articles are about, the largest first: id (for `report --story`), articles,
    first and last dates, the headline of the first article."""
    found = _open_store(db, read_only=True).stories()
    if as_json:
        typer.echo(json.dumps([asdict(s) for s in found], ensure_ascii=False, indent=2))
        return
    table = Table("story", "articles", "first", "last", "headline of the first article", box=None, pad_edge=False)
    for s in found:
        table.add_row(_cell(s.id), str(len(s.documents)), _cell(s.first_published or "-"),
                      _cell(s.last_published or "-"), _cell(s.title or "-"))
    out.print(table)
    _say(out, f"{len(found)} stories, {sum(len(s.documents) for s in found)} articles")


@app.command()
def rebuild(
    db: DbOption = DEFAULT_DB,
    setting: Annotated[list[str] | None, typer.Option(
        help="NAME=VALUE: change one setting of the story stages (repeatable); `sitrep settings` lists them.")] = None,
) -> None:
    """Find every story and analyse each again from the stored articles (a build does it only for the stories
    its articles touch, with the same result). Exit status 3 if a story stage failed (nothing changed)."""
    try:
        settings = Settings(**dict(map(parse_setting, setting or ())))
    except SitrepError as exc:
        _fail(exc)
    store = _open_store(db)
    with store.build_lock(lambda holder: _say(err, Notice.BUILD_WAITING.line(db=db, holder=holder))), \
            _progress("rebuilding") as progress:
        task = progress.add_task("", total=None)
        failure = pipeline.rebuild(store, settings, lambda stage: progress.update(task, description=stage))
    if failure is not None:
        _say(err, f"error {failure.message}", style="red")
        raise typer.Exit(UNEXPECTED_STATUS)
    _say(out, f"{len(store.stories())} stories analysed again → {db}")


@app.command()
def show(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="List this many documents and failures (0: all of them).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="The same, as one JSON object.")] = False,
) -> None:
    """What is in the store: counts, outlets, dates, languages, its documents (id, date, outlet, title,
    file), and the last build: whether it finished, and what failed."""
    summary = _summary(_open_store(db, read_only=True), db, limit)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


def _summary(store: Store, db: str, limit: int) -> dict:
    counts = store.counts()
    build = store.last_build()
    if build is not None:
        build["running"] = False if build["finished"] else store.build_running()
    listed = list(store.documents(limit if limit > 0 else None))
    failures = store.latest_failures()
    shown = failures[:limit] if limit > 0 else failures
    return {
        "database": db, "documents": counts["documents"], "builds": counts["builds"],
        "first_published": counts["first_published"], "last_published": counts["last_published"],
        "undated": counts["undated"], "entities": counts["story_entities"], "article_entities": counts["entities"],
        "attributions": counts["attributions"], "reuse": counts["reuse"], "claims": counts["claims"],
        "disputes": counts["disputes"], "stories": counts["stories"],
        "outlets": [{"outlet": outlet, "documents": n} for outlet, n in counts["outlets"]],
        "languages": [{"language": language, "documents": n} for language, n in counts["languages"]],
        "last_build": build,
        "listed": [{"id": d.id, "published": d.published, "outlet": d.outlet, "title": d.title,
                    "file": Path(d.path).name, "path": d.path, "url": d.url} for d in listed],
        "not_listed": counts["documents"] - len(listed),
        "failures": [{"path": f.path, "code": f.code, "message": f.message} for f in shown],
        "failures_not_listed": len(failures) - len(shown),
    }


def _print_summary(summary: dict) -> None:
    out.print(Text.assemble(
        (str(summary["documents"]), "bold"), f" documents in {printable(summary['database'])} "
        f"({summary['builds']} builds); published {summary['first_published'] or '?'} … "
        f"{summary['last_published'] or '?'}, {summary['undated']} undated; {summary['entities']} entities "
        f"({summary['article_entities']} before merging across articles), {summary['attributions']} attributions, "
        f"{summary['reuse']} reused passages, {summary['claims']} claims, {summary['disputes']} disputes, "
        f"{summary['stories']} stories (`sitrep stories`)"))
    build = summary["last_build"]
    if build is not None and not build["finished"]:
        state = ("it is still running" if build["running"] else
                 f"it stopped after storing {build['stored']} documents (killed, or it crashed); building the "
                 "same inputs again adds the rest and finishes it")
        _say(out, Notice.BUILD_UNFINISHED.line(build=build["id"], started=build["started"], state=state),
             style="yellow")
    for heading in ("outlet", "language"):
        table = Table(heading, "documents", box=None, pad_edge=False)
        for row in summary[heading + "s"]:
            table.add_row(_cell(row[heading]) if row[heading] else _cell("(none)", "dim"), str(row["documents"]))
        out.print(table)
    documents = Table(box=None, pad_edge=False)
    documents.add_column("id", no_wrap=True)
    documents.add_column("published", no_wrap=True, min_width=10)
    documents.add_column("outlet", overflow="fold", max_width=24)
    documents.add_column("title", overflow="fold", ratio=1)  # wrapped, never cut
    documents.add_column("file", overflow="fold", max_width=36)
    for d in summary["listed"]:
        documents.add_row(_cell(d["id"]), _cell(d["published"] or "-"), _cell(d["outlet"] or "-"),
                          _cell(d["title"] or "-"), _cell(d["file"] + (f"#{d['url']}" if d["url"] else "")))
    out.print(documents)
    if summary["not_listed"]:
        _say(out, f"… and {summary['not_listed']} more documents (--limit 0 lists them all)")
    failed = len(summary["failures"]) + summary["failures_not_listed"]
    out.print(Text.assemble((str(failed), "bold"), " failures in the last build"))
    for failure in summary["failures"]:
        _say(out, failure["message"], style="red")
    if summary["failures_not_listed"]:
        _say(out, f"… and {summary['failures_not_listed']} more failures (--limit 0 lists them all)")


eval_app = _Typer(help="Measure sitrep against annotated data.", no_args_is_help=True, cls=_Group)
class RoleTagger(str, Enum):
    """What finds each cue's source and content (the `attribution_tagger` setting's choices)."""

    encoder = "encoder"
    crf = "crf"


DEFAULT_TAGGER = RoleTagger(DEFAULT_SETTINGS.attribution_tagger)


train_app = _Typer(help="Train sitrep's models on annotated data.", no_args_is_help=True, cls=_Group)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")


@eval_app.command("attribution")
def eval_attribution(
    gold: Annotated[Path, typer.Option(help="Annotated articles, JSON Lines (PolNeAR shape).")],
    predictions: Annotated[Path | None, typer.Option(help="Write what sitrep found, one article a line.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
    without: Annotated[list[str] | None, typer.Option(
        help="Switch off one span repair (repeatable), to measure what it is worth.")] = None,
    tagger: Annotated[RoleTagger, typer.Option(
        help="What finds each cue's source and content (the attribution_tagger setting).",
    )] = DEFAULT_TAGGER,
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
            found = attribution.find_spans(doc, without=switched_off, tagger=tagger.value)
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
    settings = Settings(model=model, workers=1, find_stories=False)  # each line of the gold is one story
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


@eval_app.command("stories")
def eval_stories(
    gold: Annotated[Path, typer.Option(help="Labelled stories, JSON Lines (ECB+ shape: one story a line, with its "
                                            "documents' texts).")],
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
) -> None:
    """Build every article of the file into one temporary store, as one stream; score the stories sitrep finds
    against the file's stories (purity, inverse purity, B³)."""
    import tempfile

    from sitrep.story import coreference_eval as ce
    from sitrep.story.stories_eval import story_scores

    labelled = ce.read_gold(gold)
    with tempfile.TemporaryDirectory() as folder, _progress("stories") as progress:
        task = progress.add_task("building", total=None)
        label_of_file = {}
        for story in labelled:
            for document in story["documents"]:
                name = f"{len(label_of_file):05d}.txt"
                (Path(folder) / name).write_text(document.get("text", ""), encoding="utf-8")
                label_of_file[name] = story["id"]
        store = Store(str(Path(folder) / "stories.db"))
        pipeline.build(pipeline.input_files([folder]), store, settings=Settings(model=model, workers=1),
                       on_stage=lambda stage: progress.update(task, description=stage))
        label = {d.id: label_of_file[Path(d.path).name] for d in store.documents()}
        found = [s.documents for s in store.stories()]
        store.engine.dispose()
    scores = story_scores(found, label)
    _say(out, f"{len(label)} articles of {len(labelled)} stories in {gold}; sitrep found {len(found)} stories")
    table = Table("measure", "value", box=None, pad_edge=False)
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}")
    out.print(table)


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
    output: Annotated[Path, typer.Option(help=(
        "Folder for the two model files. Copy them into src/sitrep/attribution/data/ to ship them."))],
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_SETTINGS.model,
    tagger: Annotated[RoleTagger, typer.Option(help=(
        "crf: the cue and role CRFs; encoder: fine-tune the encoder role tagger (needs the train extra: "
        "requirements-train.lock; about 40 minutes an epoch on two cores)."))] = RoleTagger.crf,
    epochs: Annotated[int, typer.Option(help="Passes over the articles (encoder only).")] = 2,
) -> None:
    """Fit the cue and role taggers (CRFs), or fine-tune the encoder role tagger, on annotated articles: the
    same gold file, code and spaCy model give the same files. Shows each stage and how long it took."""
    if tagger is RoleTagger.encoder:
        from sitrep.attribution.train_encoder import missing_train_extra, train_encoder

        if missing := missing_train_extra():
            detail = "missing " + ", ".join(missing)
            err.print(f"error {UsageProblem.TRAIN_EXTRA_MISSING.error(detail=detail)}", markup=False,
                      highlight=False, soft_wrap=True)
            raise typer.Exit(2)
        train = functools.partial(train_encoder, epochs=epochs)
    else:
        from sitrep.attribution.train import train

    with _progress("training") as progress:
        tasks: dict[str, int] = {}
        started: dict[str, float] = {}

        def on_progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                started[stage] = time.monotonic()
                tasks[stage] = progress.add_task(stage, total=total or None)
            if stage in started and done >= total:  # a stage line, for a log as for a terminal
                _say(progress.console, f"{stage}: done in {_elapsed(time.monotonic() - started.pop(stage))}")
            progress.update(tasks[stage], completed=done, total=total)

        train(gold, output, model=model, log=lambda line: _say(progress.console, line), progress=on_progress)


def _elapsed(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def _progress(label: str) -> Progress:
    return Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}", markup=False), console=err, transient=True,
                    disable=not err.is_terminal)  # a log gets the messages, not the bars


@app.command()
def upgrade(db: DbOption = DEFAULT_DB) -> None:
    """Bring a database made by an older sitrep up to this one's schema (a build does it too; show, export
    and report only read, and ask for it)."""
    store = _open_store(db, must_exist=True)
    if store.upgraded_from is None:
        _say(out, f"{db} is at schema version {SCHEMA_VERSION} already")
    else:
        _say(out, f"upgraded {db} from schema version {store.upgraded_from} to {SCHEMA_VERSION}")


@app.command()
def version() -> None:
    """Print sitrep's version."""
    out.print(__version__)
