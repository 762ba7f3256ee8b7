"""The settings file: a damaged one never stops the app, and is kept and logged rather than silently replaced."""

import json
import logging

from inventory_app.config import Config


def test_a_damaged_settings_file_is_kept_and_logged(tmp_path, caplog):
    path = tmp_path / "config.json"
    path.write_text('{"auditor": "Aino", ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="inventory_app.config"):
        config = Config.load(path)
    assert config == Config()
    kept = tmp_path / "config.json.damaged"
    assert kept.read_text(encoding="utf-8") == '{"auditor": "Aino", '
    assert "config.json.damaged" in caplog.text and "using defaults" in caplog.text
    config.auditor = "Ville"
    config.save(path)
    assert kept.exists(), "saving new settings must not destroy the damaged file"


def test_a_value_of_the_wrong_type_is_ignored_and_logged_the_rest_kept(tmp_path, caplog):
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"auditor": "Aino", "sound": "loud", "future_key": 1}), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="inventory_app.config"):
        config = Config.load(path)
    assert config.auditor == "Aino" and config.sound is True
    assert "ignored sound" in caplog.text and "future_key" in caplog.text


def test_a_missing_settings_file_gives_defaults_quietly(tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="inventory_app.config"):
        assert Config.load(tmp_path / "none.json") == Config()
    assert caplog.text == ""
