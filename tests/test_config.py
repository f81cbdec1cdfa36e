"""Settings: argmap.toml, .argmap.toml or [tool.argmap], found by walking up from the map,
never beyond its project root; errors name the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.config import Config, ConfigError, find_config, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pyproject(directory: Path, text: str) -> Path:
    return write(directory / "pyproject.toml", text)


def test_walks_up_to_the_nearest_pyproject_with_a_table(tmp_path: Path) -> None:
    top = pyproject(
        tmp_path,
        '[tool.argmap]\nselect = ["AM1", "unanswered"]\nignore = ["AM203"]\n'
        'fail-on = "warning"\nsource-roots = ["texts", "../shared"]\n',
    )
    map_dir = tmp_path / "claims" / "trial"
    map_dir.mkdir(parents=True)
    for start in (map_dir, map_dir / "a.yaml"):
        config = find_config(start)
        assert config.path == top
        assert config.select == ("AM1", "unanswered")
        assert config.ignore == ("AM203",)
        assert config.fail_on == "warning"
        assert [p.resolve() for p in config.source_roots] == [
            (tmp_path / "texts").resolve(),
            (tmp_path.parent / "shared").resolve(),
        ]


@pytest.mark.parametrize("name", ["argmap.toml", ".argmap.toml"])
def test_each_config_file_name_is_found_with_the_same_keys(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "debate" / name, 'ignore = ["AM203"]\nseverity = {AM201 = "warning"}\n')
    config = find_config(tmp_path / "debate" / "claims" / "a.yaml")
    assert (config.path, config.ignore, dict(config.severity)) == (
        path,
        ("AM203",),
        {"AM201": "warning"},
    )


def test_argmap_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.argmap]\nignore = ["AM301"]\n')
    near = write(tmp_path / "argmap.toml", 'ignore = ["AM203"]\n')
    assert find_config(tmp_path).path == near


@pytest.mark.parametrize(
    "marker", ["pyproject.toml", ".git"], ids=["a pyproject without the table", "a repository"]
)
def test_the_walk_stops_at_the_first_project_root(tmp_path: Path, marker: str) -> None:
    """A parent project's settings (someone else's source-roots) never reach this map."""
    pyproject(tmp_path, '[tool.argmap]\nsource-roots = ["/"]\n')
    project = tmp_path / "project"
    if marker == ".git":
        (project / ".git").mkdir(parents=True)
    else:
        pyproject(project, '[project]\nname = "other"\n')
    assert find_config(project / "claims") == Config()


def test_the_nearest_table_wins(tmp_path: Path) -> None:
    near = pyproject(tmp_path / "sub", "[tool.argmap]\n")
    config = find_config(tmp_path / "sub" / "claims")
    assert config == Config(path=near)


def test_no_pyproject_gives_the_defaults(tmp_path: Path) -> None:
    config = find_config(tmp_path)
    if config.path is not None:  # a config above the temporary directory
        assert not config.path.is_relative_to(tmp_path)
    else:
        assert config == Config()


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("[tool.argmap]\nselectt = []\n", 2, "unknown key 'selectt' in [tool.argmap] (allowed: "),
        ('[tool.argmap]\nselect = "AM1"\n', 2, "[tool.argmap] select must be a list of strings"),
        ("[tool.argmap]\n\nignore = [1]\n", 3, "[tool.argmap] ignore must be a list of strings"),
        (
            '[tool.argmap]\nfail-on = "info"\n',
            2,
            "[tool.argmap] fail-on must be 'error' or 'warning'",
        ),
        (
            "[tool.argmap]\nsource-roots = 3\n",
            2,
            "[tool.argmap] source-roots must be a list of strings",
        ),
        ('[tool.argmap]\nseverity = {AM201 = "info"}\n', 2, "severity must be a table of"),
        ("[tool.argmap]\nper-file-ignores = 3\n", 2, "per-file-ignores must be a table"),
    ],
)
def test_errors_name_the_file_line_and_key(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = pyproject(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        find_config(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: ")
    assert fragment in message
    assert "\n" not in message


def test_an_unknown_key_names_every_allowed_one(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", "colour = 1\n")
    with pytest.raises(ConfigError) as error:
        find_config(tmp_path)
    for key in ("select", "extend-select", "extend-ignore", "severity", "per-file-ignores"):
        assert key in str(error.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[tool]\nargmap = 3\n", "[tool.argmap] must be a table"),
        ("[tool.argmap\n", "not valid TOML"),
        ("[tool.argmap]\nx = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ],
)
def test_unreadable_settings_are_one_clear_error(tmp_path: Path, text: str, fragment: str) -> None:
    path = pyproject(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        find_config(tmp_path)
    assert str(error.value).startswith(f"{path}")
    assert fragment in str(error.value)


def test_a_tool_that_is_not_a_table_is_no_configuration(tmp_path: Path) -> None:
    pyproject(tmp_path / "inner", 'tool = "x"\n')
    assert find_config(tmp_path / "inner") == Config()


def test_load_config_reads_any_of_the_three_kinds(tmp_path: Path) -> None:
    assert load_config(write(tmp_path / "a.toml", 'fail-on = "warning"\n')).fail_on == "warning"
    project = pyproject(tmp_path / "p", '[tool.argmap]\nignore = ["AM203"]\n')
    assert load_config(project).ignore == ("AM203",)
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match=r"no \[tool.argmap\] table"):
        load_config(pyproject(tmp_path / "q", "[project]\n"))


def test_a_path_the_system_cannot_resolve_gives_the_defaults(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert isinstance(find_config(loop / "claims"), Config)  # no OSError escapes
    assert isinstance(find_config(tmp_path / ("x" * 5000) / "claims"), Config)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.recursive(
            st.one_of(st.integers(), st.text(max_size=10), st.booleans()),
            lambda inner: st.lists(inner, max_size=4),
            max_leaves=20,
        ).map(lambda v: f"[tool.argmap]\nselect = {v!r}\nseverity = {{AM201 = {v!r}}}\n"),
    )
)
def test_any_settings_file_gives_settings_or_one_clear_error(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "fuzz" / "argmap.toml", text)
    try:
        find_config(path.parent)
    except ConfigError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
