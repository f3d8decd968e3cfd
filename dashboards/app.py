"""The framing dashboard: ``framing dashboard`` (or ``streamlit run dashboards/app.py``).

The entry point only sets the page up, makes sure the store is ready (analysing the demo corpus or the given
corpus once, with progress) and hands over to the page the user chose. Pages live in ``views/``, one module
each, named as their URL (``/compare``, ``/explorer``...); they call the library's public API through ``cached``
and share the pieces in ``widgets``.
"""

from pathlib import Path

from framing.dashboard_server import wait_for_preload

# `framing dashboard` imports the pages' libraries in a thread as the server starts: a first run that comes early
# waits for it rather than importing the same modules beside it
wait_for_preload()

import cached  # noqa: E402
import streamlit as st  # noqa: E402
import widgets  # noqa: E402

# the tab's icon is a file of ours, served by the dashboard itself: a material icon or an emoji as page_icon is
# fetched from a font or emoji CDN by the browser, which breaks offline and is a network call at run time
st.set_page_config(page_title="framing: how outlets frame the news", page_icon=str(Path(__file__).parent / "icon.png"),
                   layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/compare.py", title="Compare sources", icon=":material/bar_chart:"),
    st.Page("views/explorer.py", title="Article explorer", icon=":material/article:"),
    st.Page("views/words.py", title="Word choice", icon=":material/format_quote:"),
    st.Page("views/event.py", title="Same event", icon=":material/compare:"),
    st.Page("views/lexicons.py", title="Lexicons", icon=":material/menu_book:"),
    st.Page("views/analyse.py", title="Analyse your own articles", icon=":material/upload_file:"),
]
page = st.navigation(PAGES)


def main() -> None:
    choice = cached.data_choice()
    ref = cached.store_ref(choice)  # analyses the corpus on first start (with progress), then returns at once
    widgets.show_text(f"Data: {choice.label}", "caption", where=st.sidebar)
    with cached.held(ref):  # the run's queries share one open database
        page.run()


widgets.run(main)  # any failure, here or in a page, is a message on the page, not a traceback
