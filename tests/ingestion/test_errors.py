"""Every connector's source errors read the same way and survive a trip between processes."""

import pickle

from ingestion.common.errors import SchemaDriftError, SourceUnavailableError


def test_message_names_the_system_the_problem_and_what_to_check():
    error = SourceUnavailableError("education", "drop folder /mnt/gd is missing", check="IOC_EDUCATION_DROP_DIR")
    assert str(error) == "education: drop folder /mnt/gd is missing. Check: IOC_EDUCATION_DROP_DIR"
    assert (error.system, error.problem, error.check) == ("education", "drop folder /mnt/gd is missing",
                                                          "IOC_EDUCATION_DROP_DIR")


def test_errors_pickle_with_their_parts():
    for error in (SourceUnavailableError("gis", "down", check="IOC_GIS_DIR"), SchemaDriftError("x", "no column", "aliases")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error) and copy.check == error.check
