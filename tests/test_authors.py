"""Bylines to person names: prefixes, roles, splitting, agencies, organisation bylines."""

from __future__ import annotations

import time

import pytest

from syndicate.parse.authors import (
    Byline,
    display_byline,
    shown_handle,
    split_byline,
    writer_names,
)


@pytest.mark.parametrize(
    ("byline", "authors", "orgs"),
    [
        ("By Ron Kampeas, JTA", ("Ron Kampeas",), ("JTA",)),
        ("By Ron Kampeas (JTA)", ("Ron Kampeas",), ("JTA",)),
        (
            "By Jane Doe and John Roe, The Associated Press",
            ("Jane Doe", "John Roe"),
            ("The Associated Press",),
        ),
        ("Jane Doe & John Roe", ("Jane Doe", "John Roe"), ()),
        (
            "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
            ("Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"),
            (),
        ),
        ("Written by: Jane Doe", ("Jane Doe",), ()),
        ("Author Isaiah Shelton", ("Isaiah Shelton",), ()),
        ("Jane Doe, Staff Writer", ("Jane Doe",), ()),
        ("Jane Doe, Staff Writer, and John Roe, Contributor", ("Jane Doe", "John Roe"), ()),
        (
            "Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines",
            ("Benjamin Johnson",),
            (),
        ),
        ("Dylan Bailey, MS, RD, FAND", ("Dylan Bailey",), ()),
        ("By Jane Doe | Updated March 4, 2024", ("Jane Doe",), ()),
        ("BeauHD on Friday", ("BeauHD",), ()),
        ("By Jane Doe jane@example.com https://example.com/jane", ("Jane Doe",), ()),
        ("By JANE doe and jane DOE", ("JANE doe",), ()),
    ],
)
def test_split_byline(byline: str, authors: tuple[str, ...], orgs: tuple[str, ...]) -> None:
    assert split_byline(byline) == Byline(authors=authors, orgs=orgs)


@pytest.mark.parametrize(
    ("byline", "authors", "orgs"),
    [
        ("By JTA Staff", ("JTA Staff",), ("JTA",)),
        ("Forward Staff", ("Forward Staff",), ()),
        ("Reuters", ("Reuters",), ("Reuters",)),
    ],
)
def test_organisation_is_the_whole_byline(
    byline: str, authors: tuple[str, ...], orgs: tuple[str, ...]
) -> None:
    assert split_byline(byline) == Byline(authors=authors, orgs=orgs)


@pytest.mark.parametrize(
    "junk", ["Staff", "admin", "By", "andrew.keaveney", "View Full Profile", "undefined", ""]
)
def test_placeholders_and_logins_are_not_names(junk: str) -> None:
    assert split_byline(junk).authors == ()


def test_the_site_is_not_an_author() -> None:
    assert split_byline("The Forward", site="The Forward").authors == ()


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Joe Kindness, Founder & CEO", ("Joe Kindness",)),
        ("Jane Doe, VP of Marketing", ("Jane Doe",)),
        ("Jeffrey A. Slotnick CPP, PSP", ("Jeffrey A. Slotnick",)),
        ("Jane Doe RDN", ("Jane Doe",)),
    ],
)
def test_roles_and_credentials_are_not_organisations(byline: str, authors: tuple[str, ...]) -> None:
    assert split_byline(byline) == Byline(authors=authors, orgs=())


def test_known_agency_after_credentials_is_still_an_organisation() -> None:
    assert split_byline("Jane Doe, PhD, AP") == Byline(authors=("Jane Doe",), orgs=("AP",))


def test_capitalised_name_keeps_its_last_word() -> None:
    assert split_byline("By VICTOR TANGERMANN").authors == ("VICTOR TANGERMANN",)


def test_acronym_after_a_job_title_is_not_an_organisation() -> None:
    assert split_byline("Written by AAA Travel Editor, SMT").orgs == ()
    assert split_byline("Jane Doe, Staff Writer, AP").orgs == ("AP",)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Craig McCarthy Last updated on 17 December 2025", ("Craig McCarthy",)),
        ("Dec 23 Written By Linny and Peter", ("Linny", "Peter")),
        (
            "This post was written by Danielle Padula, Head of Marketing and Community Development",
            ("Danielle Padula",),
        ),
        (
            "Authors: Julie Weisenhorn and Natalie Hoidal, Extension horticulture educators",
            ("Julie Weisenhorn", "Natalie Hoidal"),
        ),
        ("Jane Doe, Director of Research, and John Roe", ("Jane Doe", "John Roe")),
        ("Jennifer Huberty 1; Jeni Green 2*", ("Jennifer Huberty", "Jeni Green")),
        ("Center for Drug Evaluation", ("Center for Drug Evaluation",)),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ("Niko Matsakis",)),
        ("Andrew Gerrand 4 August 2010", ("Andrew Gerrand",)),
        ("Insights from Liza Burke Marketing Director May 14, 2025", ("Liza Burke",)),
        ("Keith Barry Senior Autos Reporter", ("Keith Barry",)),
        ("& Zackery Cuevas Writer, Hardware", ("Zackery Cuevas",)),
        ("Contributors: Janet Loughrey", ("Janet Loughrey",)),
        ("Written by Meghan Neville Content Marketing Coordinator", ("Meghan Neville",)),
        ("coffee. Learn about Serious Eats' Editorial Process", ()),
        ("Dec 17, 2025 Julian K. Arni", ("Julian K. Arni",)),
        ("ServiceTitan November 26th, 2024 10 Min Read", ("ServiceTitan",)),
        ("Audrey Huang, Print Managing Editor", ("Audrey Huang",)),
        ("Liz Kenny Former McKinsey Consultant", ("Liz Kenny",)),
        ("Shaoni Mukherjee Technical Writer", ("Shaoni Mukherjee",)),
        ("Kendall Breitman Social Media Manager", ("Kendall Breitman",)),
        ("Craig Hull Verified", ("Craig Hull",)),
        ("By Jack Beresford Senior Life and Trends Reporter", ("Jack Beresford",)),
        ("Kendall Breitman Social Media & Community Expert", ("Kendall Breitman",)),
        ("Kaiser Health News", ("Kaiser Health News",)),
    ],
)
def test_byline_labels_dates_and_roles_around_names(byline: str, authors: tuple[str, ...]) -> None:
    assert split_byline(display_byline(byline)).authors == authors


@pytest.mark.parametrize(
    "not_a_name",
    [
        "Personal finance",
        "Articles by Juliette",
        "NOC Admin",
        "Updated on November 20, 2025",
        "Government Websites by CivicPlus®",
        "Researched by",
        "Name",
        "Dec 17, 2025 updated",
    ],
)
def test_labels_and_accounts_are_not_names(not_a_name: str) -> None:
    assert split_byline(not_a_name).authors == ()


def test_reviewers_and_testers_are_not_writers() -> None:
    text = "By Emily Way Fact-checked by Paul Rankin Tested by Katie Bandurski and Mary Henn"
    names = ["Emily Way", "Paul Rankin", "Katie Bandurski", "Mary Henn"]
    assert writer_names(text, names) == ["Emily Way"]
    text = "Medically reviewed by Kim Rose — Written by Jillian Kubala"
    assert writer_names(text, ["Kim Rose", "Jillian Kubala"]) == ["Jillian Kubala"]
    assert writer_names("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]) == [
        "Jane Doe",
        "John Roe",
    ]


@pytest.mark.parametrize(
    ("byline", "handle"),
    [
        ("by jsteinhardt 18th Dec 2025 AI Alignment Forum", "jsteinhardt"),
        ("thegrangehall", "thegrangehall"),
        ("By admin", None),
        ("editor", None),
        ("TopGear.com", None),
        ("By uclahealth", None),
        ("Jane Doe", None),
    ],
)
def test_a_login_shown_as_the_byline(byline: str, handle: str | None) -> None:
    assert shown_handle(byline, host="www.uclahealth.org") == handle


@pytest.mark.parametrize(
    ("byline", "authors", "orgs"),
    [
        ("Von Anna Müller und Jörg Schmidt", ("Anna Müller", "Jörg Schmidt"), ()),
        ("Von Anna Müller, dpa", ("Anna Müller",), ("dpa",)),
        ("Text: Anna Müller", ("Anna Müller",), ()),
        ("Par Claire Dubois et Jean Martin, AFP", ("Claire Dubois", "Jean Martin"), ("AFP",)),
        ("Auteur : Claire Dubois", ("Claire Dubois",), ()),
        (
            "Por Gabriel García Márquez y Ana de la Cruz",
            ("Gabriel García Márquez", "Ana de la Cruz"),
            (),
        ),
        ("Texto: Lucía Fernández, EFE", ("Lucía Fernández",), ("EFE",)),
        ("Di Marco Rossi e Giulia Bianchi", ("Marco Rossi", "Giulia Bianchi"), ()),
        ("Autore: Marco Rossi (ANSA)", ("Marco Rossi",), ("ANSA",)),
        ("Por João Pereira e Ana da Silva, Lusa", ("João Pereira", "Ana da Silva"), ("Lusa",)),
        (
            "Door Ludwig van Beethoven en Anne de Vries",
            ("Ludwig van Beethoven", "Anne de Vries"),
            (),
        ),
        ("Redactie: Pieter de Jong, ANP", ("Pieter de Jong",), ("ANP",)),
        ("Av Anna Svensson och Erik Lund, TT", ("Anna Svensson", "Erik Lund"), ("TT",)),
        ("Af Anne Jensen og Mads Nielsen, Ritzau", ("Anne Jensen", "Mads Nielsen"), ("Ritzau",)),
        ("Av Kari Nordmann og Ola Hansen, NTB", ("Kari Nordmann", "Ola Hansen"), ("NTB",)),
        ("Autor: Anna Kowalska i Jan Nowak", ("Anna Kowalska", "Jan Nowak"), ()),
        ("Przez Annę Kowalską oraz Jana Nowaka, PAP", ("Annę Kowalską", "Jana Nowaka"), ("PAP",)),
    ],
    ids=["de", "de-agency", "de-text", "fr", "fr-label", "es", "es-label", "it", "it-label",
         "pt", "nl", "nl-label", "sv", "da", "no", "pl", "pl-przez"],
)  # fmt: skip
def test_continental_bylines(byline: str, authors: tuple[str, ...], orgs: tuple[str, ...]) -> None:
    assert split_byline(byline) == Byline(authors=authors, orgs=orgs)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        # A particle or a conjunction inside one name is no split between two.
        ("José Ortega y Gasset", ("José Ortega y Gasset",)),
        ("Por José Ortega y Gasset y Ana López", ("José Ortega y Gasset", "Ana López")),
        ("Maria da Silva e Souza", ("Maria da Silva e Souza",)),
        ("Josep Puig i Cadafalch", ("Josep Puig i Cadafalch",)),
        ("Von Ludwig van Beethoven", ("Ludwig van Beethoven",)),
        # The word for "by" is a name's first word when one word follows it.
        ("Von Miller", ("Von Miller",)),
        ("Di Maio", ("Di Maio",)),
        ("Par Lagerkvist", ("Par Lagerkvist",)),
        # The newsroom signing as itself names nobody.
        ("Von Redaktion", ()),
        ("Par la rédaction", ()),
        # Job titles after a name, and an update after the byline.
        ("Von Anna Müller und dpa", ("Anna Müller",)),
        ("Av Anna Svensson/TT", ("Anna Svensson",)),
        ("Text und Fotos: Anna Müller", ("Anna Müller",)),
        ("Ein Kommentar von Anna Müller", ("Anna Müller",)),
        ("A cura di Marco Rossi", ("Marco Rossi",)),
        ("Propos recueillis par Claire Dubois", ("Claire Dubois",)),
        ("oprac. Anna Kowalska", ("Anna Kowalska",)),
        ("Por Redação", ()),
        ("Texte et photos : Claire Dubois", ("Claire Dubois",)),
        ("Door onze redacteur Pieter de Jong", ("Pieter de Jong",)),
        # The writer's city after the name, and "from our correspondent" before it.
        ("Von Anna Müller, Berlin", ("Anna Müller",)),
        ("Von Anna Müller, Jörg Schmidt, Berlin", ("Anna Müller", "Jörg Schmidt")),
        ("Von unserem Korrespondenten Max Muster", ("Max Muster",)),
        ("De notre envoyée spéciale Claire Dubois", ("Claire Dubois",)),
        ("Dal nostro inviato Marco Rossi, Kiev", ("Marco Rossi",)),
        ("Fra vår korrespondent Kari Nordmann", ("Kari Nordmann",)),
        ("di Marco Rossi", ("Marco Rossi",)),
        ("Anna Müller, Redakteurin", ("Anna Müller",)),
        ("Par Claire Dubois, journaliste", ("Claire Dubois",)),
        ("Por Ana Pérez, mis à jour", ("Ana Pérez",)),
        ("Von Anna Müller, aktualisiert", ("Anna Müller",)),
    ],
)
def test_continental_names_keep_their_particles(byline: str, authors: tuple[str, ...]) -> None:
    assert split_byline(byline).authors == authors


def test_a_byline_of_one_long_word_is_split_in_linear_time() -> None:
    # "\S+@" tried at every letter of a word without "@" read the rest of the word each time.
    started = time.monotonic()
    found = split_byline("Anna" + "x" * 200_000 + "/TT")
    assert time.monotonic() - started < 2
    assert found.orgs == ("TT",)
    assert split_byline("By Anna Svensson anna@example.org").authors == ("Anna Svensson",)


@pytest.mark.parametrize(
    ("shown", "byline"),
    [
        ("Print National Desk By National Desk", "By National Desk"),
        ("Apr 12 Written By Tina Flint Huffman", "Written By Tina Flint Huffman"),
        (
            "Updated November 11, 2022 8:23 PM ET Originally published November 9, 2022 "
            "11:01 AM ET By April Fulton",
            "By April Fulton",
        ),
        ("Written By Stephen Jesudunsin", "Written By Stephen Jesudunsin"),
        ("Posted By Loona Construction", "Posted By Loona Construction"),
        ("Chris Pardo Vice President Chris Pardo Vice President", "Chris Pardo Vice President"),
    ],
)
def test_byline_as_shown_starts_at_its_by_and_is_read_once(shown: str, byline: str) -> None:
    assert display_byline(shown) == byline


@pytest.mark.parametrize(
    ("shown", "authors", "orgs"),
    [
        ("By Jane Doe | Reuters", ("Jane Doe",), ("Reuters",)),
        ("By Andy Sahadeo | Fox News", ("Andy Sahadeo",), ("Fox News",)),
        ("By JANE DOE Associated Press", ("JANE DOE",), ("Associated Press",)),
        ("By The Associated Press", ("The Associated Press",), ("The Associated Press",)),
        ("By Jane Doe | Staff Writer", ("Jane Doe",), ()),
        ("Michael Bloomberg", ("Michael Bloomberg",), ()),
    ],
)
def test_an_agency_set_off_by_a_bar_or_after_the_name_is_the_bylines(
    shown: str, authors: tuple[str, ...], orgs: tuple[str, ...]
) -> None:
    found = split_byline(display_byline(shown))
    assert (found.authors, found.orgs) == (authors, orgs)
