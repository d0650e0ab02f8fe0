"""Fixtures of the site tier."""

from __future__ import annotations

import pytest
from edited_project import EditedProject, make_edited_project

from handbook_testing import made_once


@pytest.fixture(scope="session")
def edited_project(tmp_path_factory, policy) -> EditedProject:
    return made_once(tmp_path_factory, "edited", lambda folder: make_edited_project(folder, policy))
