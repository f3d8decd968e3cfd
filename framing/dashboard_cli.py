"""``framing dashboard``: start the Streamlit dashboard on the demo corpus, a corpus or a store.

A thin shell: it checks the arguments, passes the choice of data to the app through the environment
(``FRAMING_CORPUS``, ``FRAMING_DB``, ``FRAMING_MAPPING``; see :mod:`framing.workspace`) and runs
``streamlit run dashboards/app.py`` on 127.0.0.1 with usage statistics off, through
:mod:`framing.dashboard_server` (which imports the pages' libraries in the background once the server is up).
:func:`register` adds the command to the main parser.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

EPILOG = """examples:
  framing dashboard                                   # the bundled demo corpus, http://127.0.0.1:8501
  framing dashboard --db allsides.duckdb              # a store built by `framing run`
  framing dashboard --corpus ../shared/data/allsides_articles/subset_articles.jsonl.gz \\
      --text-field content_original --leaning-field bias_text --event-field group_key
  framing dashboard --port 8600
  FRAMING_DB=allsides.duckdb framing dashboard        # the same through the environment

A corpus (any input `framing run` reads) is analysed once, with a progress bar on the first page, into a store
cached in .cache/framing/ (or $FRAMING_CACHE), and analysed again only when the corpus, the lexicons or the
package change. The server listens on 127.0.0.1 only; --address 0.0.0.0 opens it to the network."""

DEFAULT_PORT = 8501
DEFAULT_ADDRESS = "127.0.0.1"
# Streamlit's own upload limit, in MB: the same as framing.uploads.MAX_UPLOAD_BYTES (kept in step by a test).
SERVER_MAX_UPLOAD_MB = 10


def app_path() -> Path:
    """``dashboards/app.py`` of the project (it is not part of an installed wheel: run from a checkout)."""
    return Path(__file__).resolve().parent.parent / "dashboards" / "app.py"


def register(subparsers: Any) -> None:
    """Add ``dashboard`` to the main parser's subparsers."""
    d = subparsers.add_parser("dashboard", help="start the Streamlit dashboard (demo corpus, a corpus or a store)",
                              epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = d.add_mutually_exclusive_group()
    src.add_argument("--corpus", metavar="PATH", help="a corpus to analyse and show (default: the demo corpus; "
                                                      "env FRAMING_CORPUS)")
    src.add_argument("--db", metavar="PATH", help="a store written by `framing run` (env FRAMING_DB)")
    d.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    d.add_argument("--address", default=DEFAULT_ADDRESS,
                   help=f"address to listen on (default {DEFAULT_ADDRESS}: this machine only)")
    from framing.corpus.ingest import FIELDS

    m = d.add_argument_group("field mapping (with --corpus)", "which input column holds each article field")
    for name in FIELDS:
        m.add_argument(f"--{name}-field", metavar="NAME", dest=f"map_{name}")
    d.add_argument("--print-command", action="store_true", help="print the command and environment, do not run")
    d.set_defaults(func=cmd_dashboard)


def streamlit_command(args: argparse.Namespace, environ: dict[str, str] | None = None
                      ) -> tuple[list[str], dict[str, str]]:
    """The server's command line (``streamlit run`` through :mod:`framing.dashboard_server`) and its environment for
    these arguments (checked first)."""
    from framing.workspace import ENV_CORPUS, ENV_DB, ENV_MAPPING, choose_data

    env = dict(os.environ if environ is None else environ)
    mapping = {k[4:]: v for k, v in vars(args).items() if k.startswith("map_") and v}
    if args.corpus or args.db:
        choice = choose_data(corpus=args.corpus, db=args.db, mapping=mapping, environ={})
        for k in (ENV_CORPUS, ENV_DB, ENV_MAPPING):
            env.pop(k, None)
        if choice.kind == "db":
            env[ENV_DB] = str(choice.path)
        else:
            env[ENV_CORPUS] = str(choice.path)
            if mapping:
                env[ENV_MAPPING] = json.dumps(mapping, sort_keys=True)
    else:
        if mapping:
            env[ENV_MAPPING] = json.dumps(mapping, sort_keys=True)
        choose_data(environ=env)  # check what the environment names before starting the server
    if not 0 < args.port < 65536:
        from framing.errors import ConfigError

        raise ConfigError(f"invalid port {args.port}: give a number from 1 to 65535")
    app = app_path()
    if not app.is_file():
        from framing.errors import InputError

        raise InputError(f"{app}: the dashboard's files are not installed with the package; run from a checkout of "
                         "the repository (pip install -e .)")
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    cmd = [sys.executable, "-m", "framing.dashboard_server", "run", str(app),
           "--server.address", args.address, "--server.port", str(args.port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.maxUploadSize", str(SERVER_MAX_UPLOAD_MB), "--client.showErrorDetails", "none",
           "--client.toolbarMode", "viewer", "--server.fileWatcherType", "none"]
    return cmd, env


def cmd_dashboard(args: argparse.Namespace) -> int:
    cmd, env = streamlit_command(args)
    if args.print_command:
        shown = {k: v for k, v in env.items() if k.startswith(("FRAMING_", "STREAMLIT_"))}
        print(json.dumps({"command": cmd, "environment": shown}, indent=2))
        return 0
    if args.address not in ("127.0.0.1", "localhost", "::1"):
        print(f"framing: the dashboard will listen on {args.address}: anyone who can reach this machine can use "
              "it", file=sys.stderr)
    print(f"framing: starting the dashboard at http://{args.address}:{args.port} (Ctrl-C to stop)", file=sys.stderr)
    return subprocess.call(cmd, env=env, cwd=app_path().parent.parent)
