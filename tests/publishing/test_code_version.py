from orchestration.publishing import current_code_version


def test_code_version_names_a_commit_or_a_package_version():
    version = current_code_version()
    assert version.startswith(("git:", "package:")) and len(version) > len("package:")
