"""Sphinx configuration of the web edition (tools/build_book.py runs it; see its docstring).

The chapters arrive already executed (build/book-cache/src/NN_name.ipynb): MyST-NB only renders them.
Nothing is loaded from another host: MathJax 3 is served from _static (npm package, fetched by
build_book.py), widget JavaScript is not loaded at all (outputs were made static before), and the
theme ships its own CSS, JS and icon fonts.
"""
import html
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

ROOT = Path(__file__).resolve().parents[2]
NPM = ROOT / "build" / "book-cache" / "npm"

project = "혼공 딥러닝"
author = "honggong"
copyright = "honggong contributors"
language = "ko"
root_doc = "index"
extensions = ["myst_nb"]
exclude_patterns = []

myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
myst_fence_as_directive = ["mermaid"]
nb_execution_mode = "off"              # executed by build_book.py, one chapter at a time
nb_ipywidgets_js = {}                  # no widget manager from a CDN: outputs are static already
nb_merge_streams = True
nb_output_stderr = "remove"            # build_book.py already fails on any stderr
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]

html_theme = "sphinx_book_theme"
html_title = "혼공 딥러닝"
html_static_path = ["_static", str(NPM / "mathjax-3.2.2"), str(NPM / "mermaid-11.17.2")]
html_css_files = ["book.css"]
html_favicon = "_static/favicon.svg"
html_context = {"default_mode": "light"}
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "search_bar_text": "검색…",
}
html_show_sourcelink = False
html_copy_source = False
mathjax_path = "es5/tex-mml-chtml.js"
mathjax3_config = {"options": {"enableMenu": False}}


class Mermaid(Directive):
    """```mermaid fences: drawn in the browser by the local mermaid.min.js (only on pages that have one)."""
    has_content = True

    def run(self):
        env = self.state.document.settings.env
        env.hg_mermaid_pages = getattr(env, "hg_mermaid_pages", set()) | {env.docname}
        code = html.escape("\n".join(self.content))
        return [nodes.raw("", f'<pre class="mermaid">{code}</pre>', format="html")]


def _mermaid_script(app, pagename, templatename, context, doctree):
    if pagename in getattr(app.env, "hg_mermaid_pages", set()):
        app.add_js_file("dist/mermaid.min.js")
        app.add_js_file(None, body="mermaid.initialize({startOnLoad: true});")


def setup(app):
    app.add_directive("mermaid", Mermaid)
    app.connect("html-page-context", _mermaid_script)
