"""Where the shipped content folders (lessons/, assets/) are.

In the source tree they sit beside the packages; an installed copy carries them as
the (namespace) package ``atelier_content``.
"""

import importlib.util
from pathlib import Path


def content_dir(name: str) -> Path:
    beside = Path(__file__).resolve().parent.parent / name
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec(f"atelier_content.{name}")
    except ModuleNotFoundError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"{name}/")
    return Path(list(spec.submodule_search_locations)[0])
