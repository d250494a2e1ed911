"""The package list in mailroom.sh is complete: everything the configured build and the tests
use comes from a Debian package that mailroom.sh installs (or that the list depends on).
BUILD_DIR names the configured build folder (set by CTest)."""
import os
import tempfile
import unittest

import check_packages

BUILD_DIR = os.environ.get("BUILD_DIR", "")


class PackageListTest(unittest.TestCase):
    def setUp(self):
        if not os.path.exists(os.path.join(BUILD_DIR, "CMakeCache.txt")):
            self.fail("BUILD_DIR=%r holds no configured build" % BUILD_DIR)

    def test_mailroom_sh_installs_everything_used(self):
        problems = check_packages.check(BUILD_DIR, os.path.join(check_packages.ROOT, "mailroom.sh"))
        self.assertEqual(problems, [], "\n".join(problems))

    def test_a_package_missing_from_the_list_is_named(self):
        # Qt Charts' CMake config loads Qt's OpenGL config; apt installs that package only
        # when asked (it is no Depends of qt6-charts-dev). This is what a fresh machine hit.
        problems = check_packages.check(BUILD_DIR, os.path.join(check_packages.ROOT, "mailroom.sh"),
                                        without=["libqt6opengl6-dev"])
        self.assertTrue(any("libqt6opengl6-dev" in p for p in problems), problems)

    def test_a_recommended_package_a_test_needs_is_named(self):
        problems = check_packages.check(BUILD_DIR, os.path.join(check_packages.ROOT, "mailroom.sh"),
                                        without=["libnet-ssleay-perl"])
        self.assertTrue(any("libnet-ssleay-perl" in p and "swaks" in p for p in problems), problems)

    def test_a_program_that_programs_txt_does_not_list_is_named(self):
        with tempfile.TemporaryDirectory() as d:
            py = os.path.join(d, "test_new.py")
            with open(py, "w") as f:
                f.write('import subprocess\nsubprocess.run(["frobnicate-dns", "-x"], check=True)\n'
                        'CMD = shutil.which("nsupdate-tool")\n')
            cpp = os.path.join(d, "tst_new.cpp")
            with open(cpp, "w") as f:
                f.write('QProcess p;\np.start(QStringLiteral("zonecheck"), {});\n')
            sh = os.path.join(d, "helper.sh")
            with open(sh, "w") as f:
                f.write('#!/bin/bash\nout=$(dpkg-query -W "x")\nsetsid bash -c true\n'
                        'PKGS=(\n    curl\n)\ncat <<EOF\nmake me\nEOF\n')
            sources = [("tests/x/test_new.py", py), ("tests/x/tst_new.cpp", cpp), ("tests/x/helper.sh", sh)]
            found = check_packages.scan_programs(sources)
            self.assertEqual(found.get("frobnicate-dns"), "tests/x/test_new.py")
            self.assertEqual(found.get("nsupdate-tool"), "tests/x/test_new.py")
            self.assertEqual(found.get("zonecheck"), "tests/x/tst_new.cpp")
            for program in ("dpkg-query", "setsid", "bash"):
                self.assertIn(program, found)
            self.assertNotIn("curl", found, "array literals are not commands")
            self.assertNotIn("make", found, "heredoc bodies are not commands")
            problems = check_packages.check(BUILD_DIR, "", scan_only=True, sources=sources)
            self.assertTrue(any("frobnicate-dns" in p and "programs.txt" in p for p in problems), problems)
            self.assertFalse(any(" bash," in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
