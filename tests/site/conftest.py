"""Fixtures of the site tier."""

from __future__ import annotations

import pytest
from edited_project import EditedProject, make_edited_project


@pytest.fixture(scope="session")
def edited_project(tmp_path_factory, policy) -> EditedProject:
    return make_edited_project(tmp_path_factory.mktemp("edited"), policy)
