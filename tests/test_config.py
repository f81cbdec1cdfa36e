"""``[tool.argmap]``: found by walking up from the map; errors name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.config import Config, ConfigError, find_config


def pyproject(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_walks_up_to_the_nearest_pyproject_with_a_table(tmp_path: Path) -> None:
    top = pyproject(
        tmp_path,
        '[tool.argmap]\nselect = ["AM1", "unanswered"]\nignore = ["AM203"]\n'
        'fail-on = "warning"\nsource-roots = ["texts", "../shared"]\n',
    )
    pyproject(tmp_path / "project", '[project]\nname = "other"\n')  # no [tool.argmap]: skipped
    map_dir = tmp_path / "project" / "claims" / "trial"
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


def test_the_nearest_table_wins(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.argmap]\nignore = ["AM203"]\n')
    near = pyproject(tmp_path / "sub", "[tool.argmap]\n")
    config = find_config(tmp_path / "sub" / "claims")
    assert config == Config(path=near)


def test_no_pyproject_gives_the_defaults(tmp_path: Path) -> None:
    config = find_config(tmp_path)
    if config.path is not None:  # a pyproject.toml above the temporary directory
        assert not config.path.is_relative_to(tmp_path)
    else:
        assert config == Config()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[tool.argmap]\nselectt = []\n", "unknown key 'selectt' in [tool.argmap]"),
        ('[tool.argmap]\nselect = "AM1"\n', "[tool.argmap] select must be a list of strings"),
        ("[tool.argmap]\nignore = [1]\n", "[tool.argmap] ignore must be a list of strings"),
        ('[tool.argmap]\nfail-on = "info"\n', "[tool.argmap] fail-on must be 'error' or 'warning'"),
        (
            "[tool.argmap]\nsource-roots = 3\n",
            "[tool.argmap] source-roots must be a list of strings",
        ),
        ("[tool]\nargmap = 3\n", "[tool.argmap] must be a table"),
        ("[tool.argmap\n", "cannot read [tool.argmap]"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, text: str, fragment: str) -> None:
    path = pyproject(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        find_config(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{path}: ")
    assert fragment in message
    assert "\n" not in message


def test_a_tool_that_is_not_a_table_is_no_configuration(tmp_path: Path) -> None:
    pyproject(tmp_path / "inner", 'tool = "x"\n')
    pyproject(tmp_path, '[tool.argmap]\nfail-on = "warning"\n')
    assert find_config(tmp_path / "inner").fail_on == "warning"
