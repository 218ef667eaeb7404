"""Every message sitrep shows a user, with a stable code (spaCy's errors.py style).

An input problem is reported as one line: ``PATH: [Wnnn] reason``. Codes never change meaning;
new problems get new codes.
"""

from enum import Enum

from sitrep.records import InputFailure


class InputProblem(str, Enum):
    """Why one input file (or one record inside it) could not become a document."""

    UNREADABLE = "W001 cannot read the file: {detail}"
    EMPTY = "W002 the file is empty"
    BINARY = "W003 the file is binary, not text, HTML, WARC or JSON Lines"
    TOO_LARGE = "W004 the file is {size:,} bytes, over the limit of {limit:,} bytes (--max-bytes)"
    UNDECODABLE = "W005 the text is not valid in any supported encoding"
    TRUNCATED = "W006 the compressed file is truncated or corrupt: {detail}"
    BAD_JSON = "W007 line {line} is not a JSON object: {detail}"
    JSON_NO_TEXT = "W008 line {line} has neither 'text' nor 'html'"
    BAD_WARC = "W009 the WARC archive cannot be read: {detail}"
    NO_ARTICLE = "W010 no article text was found"
    UNSUPPORTED = "W011 skipped: {suffix!r} files are not articles"
    NOT_FOUND = "W012 no such file or directory"
    EXTRACTION_FAILED = "W013 analysis failed: {detail}"
    NOT_REGULAR = "W014 not a regular file but a {kind}: devices, FIFOs and sockets are never read"
    TOO_LARGE_UNPACKED = ("W015 the file decompresses to more than {limit:,} bytes, over the limit "
                          "(max_decompressed_bytes)")
    JSON_TOO_DEEP = "W016 line {line} nests deeper than {limit} levels (max_json_depth)"
    FIELD_TOO_LONG = ("W017 line {line}: field {field!r} holds {size:,} characters, over the limit of "
                      "{limit:,} (max_field_chars)")
    TOO_SLOW = "W018 reading or extracting took longer than {limit:g} s (max_seconds_per_file)"
    WARC_NO_RESPONSE = "W019 the WARC archive holds no response record with text or HTML"
    FOLDER_UNREADABLE = "W020 cannot read the folder: {detail}"
    LINK_OUTSIDE = "W021 skipped: a link to {target}, outside the inputs given (--follow-links follows it)"

    # pages named by a URL list (sitrep build --urls FILE): PATH is the list, URL the page
    FETCH_FAILED = "W022 cannot fetch the page: {detail}"
    BAD_URL = "W023 line {line} is not an http(s) URL: {text!r}"
    JSON_NOT_ARTICLES = "W024 skipped: the JSON holds no article (no object with 'text' or 'html')"

    @property
    def code(self) -> str:
        return self.value.split(" ", 1)[0]

    def format_for(self, path: str, **details) -> str:
        reason = self.value.split(" ", 1)[1].format(**details)
        return f"{path}: [{self.code}] {reason}"

    def failure(self, path: str, url: str | None = None, **details) -> InputFailure:
        """This problem with the file at `path`, or with its record at `url` (named PATH#URL)."""
        where = f"{path}#{url}" if url else path
        return InputFailure(where, self.code, self.format_for(where, **details))


class SitrepError(Exception):
    """A problem that stops a command (not one bad input among many)."""


class UsageProblem(str, Enum):
    BAD_DB_URL = "E001 cannot open the database {url!r}: {detail}"
    SCHEMA_TOO_NEW = "E002 the database has schema version {found}, newer than this sitrep ({known}); upgrade sitrep"
    NO_INPUTS = "E003 no input files were given"
    BAD_FORMAT = "E004 unknown export format {fmt!r}; choose one of {choices}"
    MODEL_MISSING = "E005 spaCy model {name!r} is not installed; install its package or pass --model"
    CHART_LIBRARY_MISSING = ("E006 the report's charting library is not installed ({path}); run `make js` "
                             "(npm ci, then copies chart.js there)")
    CHROMIUM_MISSING = "E007 no Chromium at {path}; run `make /usr/bin/chromium` (apt-get install chromium)"
    PLAYWRIGHT_MISSING = "E008 Playwright for Python is not installed; pip install 'sitrep[browser]'"
    UNKNOWN_SETTING = "E009 unknown setting {name!r}; `sitrep settings` lists them"
    BAD_SETTING_VALUE = "E010 setting {name!r} takes {kind} (--setting NAME=VALUE), not {value!r}"
    UNKNOWN_REPAIR = "E011 unknown span repair {name!r}; choose among {choices}"
    EXPORT_NEEDS_FOLDER = "E012 --format {fmt} writes one file a table into a folder: name it with --output DIR"
    CANNOT_WRITE = "E013 cannot write {path}: {detail}"
    NO_DATABASE = "E014 no database at {path}; `sitrep build ARTICLES --db {path}` makes one"
    NOT_A_DATABASE = "E015 {db} is not a sitrep database: {detail}"
    SCHEMA_TOO_OLD = ("E016 the database has schema version {found}, older than this sitrep ({known}); "
                      "`sitrep upgrade --db {db}` brings it up to date")
    UNEXPECTED = "E017 sitrep failed: {detail} (`sitrep --debug …` shows where)"
    STAGE_FAILED = ("E018 the story stage {stage!r} failed: {detail}; the store keeps the stories and their "
                    "results of the build before (the documents of this build are stored; the next build retries)")
    SCHEDULER_UNREACHABLE = "E019 cannot reach the Dask scheduler at {address}: {detail}"
    DASK_AND_CLUSTER = ("E020 --dask N starts a Dask cluster here, --cluster ADDRESS uses a running one: "
                        "give one of them, not both")
    NO_STORY = "E021 no story {story!r} in {db}; `sitrep stories --db {db}` lists them"
    TRAIN_EXTRA_MISSING = ("E022 fine-tuning the encoder needs the train extra ({detail}): "
                           "pip install --require-hashes -r requirements-train.lock --extra-index-url "
                           "https://download.pytorch.org/whl/cpu")

    def error(self, **details) -> SitrepError:
        code, reason = self.value.split(" ", 1)
        return SitrepError(f"[{code}] {reason.format(**details)}")


class Notice(str, Enum):
    """What a command tells a user on the way, which is no error."""

    BUILD_WAITING = "N001 another build into {db} is running ({holder}); waiting for it to finish"
    BUILD_UNFINISHED = "N002 the last build (#{build}, started {started}) did not finish: {state}"

    def line(self, **details) -> str:
        code, text = self.value.split(" ", 1)
        return f"[{code}] {text.format(**details)}"
