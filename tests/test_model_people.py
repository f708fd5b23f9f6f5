"""The Sphinx-free people model: reading list lines, keys, initials, conflicts."""

import pytest

from roads_ext.model.people import (
    Person,
    PersonLineError,
    conflicts,
    initials,
    parse_person_line,
    person_key,
)


@pytest.mark.parametrize(
    ("line", "name", "affiliation", "country", "role", "has_details"),
    [
        ("Zhaozhuo Xu (Rice University, USA)", "Zhaozhuo Xu", "Rice University", "USA", "", True),
        ("Chen Luo (Amazon)", "Chen Luo", "Amazon", "", "", True),
        (
            "Anshumali Shrivastava (Rice University/ThirdAI Corp, USA)",
            "Anshumali Shrivastava", "Rice University/ThirdAI Corp", "USA", "", True,
        ),
        (
            "Ana Ruiz (University of California, Berkeley, USA) — General chair",
            "Ana Ruiz", "University of California, Berkeley", "USA", "General chair", True,
        ),
        ("Ana Ruiz (MIT, USA) -- Program chair", "Ana Ruiz", "MIT", "USA", "Program chair", True),
        ("Ana Ruiz (Lab (East), USA)", "Ana Ruiz", "Lab (East)", "USA", "", True),
        ("Jean-Luc Picard", "Jean-Luc Picard", "", "", "", False),
        ("Jean-Luc Picard — Chair", "Jean-Luc Picard", "", "", "Chair", False),
        ("  Many   spaces  ( Org ,  FR )", "Many spaces", "Org", "FR", "", True),
    ],
)
def test_reads_the_forms_a_committee_list_uses(line, name, affiliation, country, role, has_details):
    parsed = parse_person_line(None, line)
    assert (parsed.name, parsed.affiliation, parsed.country, parsed.role, parsed.has_details) == (
        name, affiliation, country, role, has_details,
    )


def test_a_linked_name_takes_the_rest_of_the_line_as_details():
    parsed = parse_person_line("Vihan Lakshman", " (ThirdAI, USA)")
    assert (parsed.name, parsed.affiliation, parsed.country) == ("Vihan Lakshman", "ThirdAI", "USA")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("(Rice University, USA)", "no name"),
        ("Ada Lovelace (Analytical Engines", "not closed"),
        ("Ada Lovelace ()", "empty"),
        ("Ada Lovelace (Org, UK) and friends", "unexpected text after the affiliation"),
        ("1234 (Org)", "is not a name"),
    ],
)
def test_rejects_lines_that_are_not_name_affiliation_country(line, reason):
    with pytest.raises(PersonLineError, match=reason):
        parse_person_line(None, line)


def test_keys_fold_case_accents_and_punctuation():
    assert person_key("Zoë  O'Neil-Smith") == "zoe-o-neil-smith"
    assert person_key("ANSHUMALI shrivastava") == person_key("Anshumali Shrivastava")
    assert person_key("李明") != person_key("王芳")  # no ASCII letters, still distinct


def test_initials():
    assert initials("Michael Mitzenmacher") == "MM"
    assert initials("Furong Huang") == "FH"
    assert initials("Cher") == "C"
    assert initials("Jean-Luc Picard") == "JP"
    assert initials("  ") == "?"


def test_conflicts_name_the_fields_both_give_differently():
    speaker = Person("A S", "Rice University/ThirdAI Corp", "USA", "https://example.org/as")
    organizer = Person("A S", "Rice University/ThirdAI", "USA")
    assert conflicts(speaker, organizer) == [
        ("affiliation", "Rice University/ThirdAI Corp", "Rice University/ThirdAI")
    ]
    # a detail given once is not a conflict, and merging fills it in
    assert conflicts(speaker, Person("A S")) == []
    assert Person("A S").merged_with(speaker) == speaker
