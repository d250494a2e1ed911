#!/usr/bin/env python3
"""Checks that mailroom.sh installs every Debian package the build and the tests need.

What is needed: every package config CMake loaded (the *_DIR entries of CMakeCache.txt) and
the tools and libraries it found (compiler, make program, Python, the libraries we link), every
external program the tests and mailroom.sh run (programs.txt beside this file, which the scan
below keeps complete), and every Python module the tests import. Each is mapped to the Debian
package that ships it (dpkg -S) and must be in mailroom.sh's list, in the Depends/Pre-Depends
closure of that list, or in the base system a newcomer starts from (a minbase Debian 12, that
is Essential and Priority: required packages, plus git to clone). Recommends do not count:
mailroom.sh installs with --no-install-recommends.

usage: check_packages.py --build DIR [--script mailroom.sh] [--without PKG]... [--scan-only]
Prints one line per problem and exits 1 when there is any.
"""
import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# What a minbase chroot with git has besides Essential/required packages.
BASE_EXTRA = {"git", "ca-certificates"}

# Cache entries that name something CMake looked for but builds without (nothing of ours
# needs it; on a fresh machine the entry is NOTFOUND).
OPTIONAL_CACHE_ENTRIES = {
    "OPENGL_egl_LIBRARY": "FindOpenGL looks for every component; Qt needs only OpenGL and GLX",
    "OPENGL_glu_LIBRARY": "FindOpenGL looks for every component; Qt needs only OpenGL and GLX",
    "OPENGL_gles2_LIBRARY": "FindOpenGL looks for every component; Qt needs only OpenGL and GLX",
    "OPENGL_gles3_LIBRARY": "FindOpenGL looks for every component; Qt needs only OpenGL and GLX",
    "Vulkan_LIBRARY": "Qt6Gui looks for Vulkan; Mailroom draws no Vulkan",
    "Vulkan_INCLUDE_DIR": "Qt6Gui looks for Vulkan; Mailroom draws no Vulkan",
    "Vulkan_GLSLC_EXECUTABLE": "Qt6Gui looks for Vulkan; Mailroom draws no Vulkan",
    "Vulkan_GLSLANG_VALIDATOR_EXECUTABLE": "Qt6Gui looks for Vulkan; Mailroom draws no Vulkan",
}

# Where the scan looks for programs the tests run. tests/bench installs its own peers
# (Postfix, Dovecot) and is not part of the suite; tests/packages is this check (its own test
# writes calls of programs that do not exist, to see them found).
SCAN_DIRS = ("tests",)
SCAN_SKIP = ("tests/bench/", "tests/packages/")

BASH_WORDS = set("""
if then else elif fi case esac for while until do done in function select time coproc
{ } [[ ]] ! : . source alias bg bind break builtin caller cd command compgen complete
continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash
help history jobs kill let local logout mapfile popd printf pushd pwd read readarray
readonly return set shift shopt suspend test true type typeset ulimit umask unalias unset
wait trap [
""".split())


# Programs are looked up as on a fresh Debian machine: in the system's folders only (not in
# /usr/local or a user's Python environment, which a newcomer does not have).
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


def which(name):
    return shutil.which(name, path=SYSTEM_PATH)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


# --- Debian's view --------------------------------------------------------------------

class Dpkg:
    """Installed packages with their Depends, Pre-Depends, Provides, Essential and Priority."""

    def __init__(self):
        out = run(["dpkg-query", "-W", "-f",
                   "${Package}\t${db:Status-Abbrev}\t${Essential}\t${Priority}\t${Depends}\t"
                   "${Pre-Depends}\t${Provides}\n"]).stdout
        self.packages = {}
        self.providers = {}
        for line in out.splitlines():
            name, status, essential, priority, depends, predepends, provides = (line.split("\t") + [""] * 7)[:7]
            if not status.startswith("ii"):
                continue
            self.packages[name] = {
                "base": essential == "yes" or priority == "required",
                "depends": self._first_alternatives(depends) + self._first_alternatives(predepends),
            }
            for virtual in self._names(provides):
                self.providers.setdefault(virtual, []).append(name)

    @staticmethod
    def _names(field):
        return [re.sub(r"[\s(].*$", "", item.strip()).split(":")[0] for item in field.split(",") if item.strip()]

    @classmethod
    def _first_alternatives(cls, field):
        # apt takes the first alternative on a fresh system; "a | b" counts as a only.
        return cls._names(",".join(group.split("|")[0] for group in field.split(",")))

    def resolve(self, name):
        """The installed packages a dependency on name stands for."""
        if name in self.packages:
            return [name]
        return self.providers.get(name, [])

    def closure(self, roots):
        seen = set()
        todo = list(roots)
        while todo:
            for name in self.resolve(todo.pop()):
                if name in seen:
                    continue
                seen.add(name)
                todo.extend(self.packages[name]["depends"])
        return seen

    def base(self):
        return self.closure([p for p, info in self.packages.items() if info["base"]] + sorted(BASE_EXTRA))


def spellings(path):
    """path as dpkg may have recorded it: as given, resolved, with and without /usr."""
    out = []
    for p in (path, os.path.realpath(path)):
        out.append(p)
        if p.startswith("/usr/"):
            out.append(p[4:])
        elif p.startswith(("/bin/", "/sbin/", "/lib/")):
            out.append("/usr" + p)
    return list(dict.fromkeys(out))


_owners = {}


def owners(paths):
    """{path: package or None} for each path, from one dpkg-query call (cached)."""
    todo = [p for p in paths if p not in _owners]
    if todo:
        wanted = {s: p for p in todo for s in reversed(spellings(p))}
        found = {}
        out = run(["dpkg-query", "-S"] + sorted(wanted)).stdout
        for line in out.splitlines():
            if line.startswith("diversion "):
                continue
            pkgs, _, file = line.partition(": ")
            file = file.strip()
            if file in wanted:
                found.setdefault(file, pkgs.split(",")[0].strip().split(":")[0])
        for p in todo:
            _owners[p] = next((found[s] for s in spellings(p) if s in found), None)
    return {p: _owners[p] for p in paths}


_dpkg = None


def dpkg_state():
    global _dpkg
    if _dpkg is None:
        _dpkg = Dpkg()
    return _dpkg


def script_packages(script, without):
    out = run(["bash", "-c", 'source "$1" && printf "%s\\n" "${PACKAGES[@]}"', "_", script])
    if out.returncode != 0:
        raise SystemExit("cannot read PACKAGES from %s: %s" % (script, out.stderr))
    return [p for p in out.stdout.split() if p not in without]


# --- what the build needs -------------------------------------------------------------

def cache_needs(build_dir):
    """(what, path) for each package config, tool and library the configured build uses."""
    needs = []
    with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([A-Za-z0-9_]+):(PATH|FILEPATH|INTERNAL)=(.+)$", line.strip())
            if not m:
                continue
            key, kind, value = m.groups()
            if key in OPTIONAL_CACHE_ENTRIES or value.endswith("NOTFOUND") or not value.startswith("/usr"):
                continue
            if kind == "PATH" and key.endswith("_DIR") and os.path.isdir(value):
                configs = [n for n in os.listdir(value) if n.endswith(("Config.cmake", "-config.cmake"))]
                if configs:
                    needs.append(("CMake package %s" % key[:-4], os.path.join(value, sorted(configs)[0])))
            elif kind == "FILEPATH" and os.path.isfile(value):
                needs.append(("CMake %s" % key, value))
            elif kind == "INTERNAL" and key == "_Python3_EXECUTABLE" and os.path.isfile(value):
                needs.append(("CMake Python3", value))
    return needs


def preset_compilers():
    """Compilers the presets name (the fuzz preset builds with clang)."""
    import json
    with open(os.path.join(ROOT, "CMakePresets.json"), encoding="utf-8") as f:
        presets = json.load(f)
    names = set()
    for preset in presets.get("configurePresets", []):
        compiler = preset.get("cacheVariables", {}).get("CMAKE_CXX_COMPILER")
        if compiler:
            names.add(compiler)
    return sorted(names)


# --- what the tests run ---------------------------------------------------------------

def listed_programs():
    """{program: [packages it needs beyond its own Depends], or None when optional}: a line of
    programs.txt is a name (or an absolute path), optionally followed by +package for each
    package that the use here needs but the program's package only recommends, or by the
    word "optional" for a program that is only used where it is installed."""
    programs = {}
    with open(os.path.join(HERE, "programs.txt"), encoding="utf-8") as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words:
                programs[words[0]] = None if "optional" in words[1:] else [w[1:] for w in words[1:]
                                                                           if w.startswith("+")]
    return programs


PY_CALL = re.compile(r"""(?:\bwhich|subprocess\.(?:run|Popen|check_output|check_call|call))\(\s*\[?\s*["']([A-Za-z0-9_.+-]+)["']""")
PY_LIST = re.compile(r"""(?:^|[=(,]\s*)\[\s*["']([A-Za-z0-9_.+-]+)["']\s*,""", re.M)
CPP_CALL = re.compile(r"""(?:\.start|\.setProgram|findExecutable|\.execute|startDetached)\(\s*QStringLiteral\("([A-Za-z0-9_.+-]+)"\)""")
PATH_LITERAL = re.compile(r"""["'](/usr/(?:s?bin|lib|libexec)/[A-Za-z0-9_./+-]+)["']""")
PY_IMPORT = re.compile(r"^\s*(?:import\s+([A-Za-z0-9_]+)|from\s+([A-Za-z0-9_]+)[.\w]*\s+import)", re.M)


def shell_commands(text):
    """The first word of each command in a bash script (heredoc bodies, array literals and the
    script's own functions skipped)."""
    functions = set(re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\(\)\s*\{", text, re.M))
    words = set()
    skip_until = None
    for line in text.splitlines():
        if skip_until:
            if re.match(skip_until, line.strip()):
                skip_until = None
            continue
        m = re.search(r"<<-?\s*'?\"?([A-Za-z_]+)'?\"?", line)
        if m:
            skip_until = "^%s$" % m.group(1)
        elif re.search(r"=\($", line.strip()):
            skip_until = r"^\)"
            continue
        code = re.sub(r"(^|\s)#.*$", "", line)
        # Command substitutions run programs wherever they stand, in strings too.
        commands = [m.group(1) for m in re.finditer(r"\$\(\s*([^\s)\"]+)", code)]
        code = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"", " STR ", code)
        for part in re.split(r"\|\||&&|[;|&(`]|\$\(|\bthen\b|\bdo\b|\belse\b|!", code):
            tokens = part.split()
            while tokens and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", tokens[0]):
                tokens.pop(0)
            while tokens and tokens[0] in ("command", "exec", "setsid", "sudo", "env", "timeout"):
                commands.append(tokens[0])
                tokens = [t for t in tokens[1:] if not t.startswith("-")]
            if tokens:
                commands.append(tokens[0])
        for word in commands:
            if re.match(r"^[A-Za-z0-9_.+-]+$", word) and word not in BASH_WORDS and word not in functions:
                words.add(word)
    return words


def scanned_sources():
    for top in SCAN_DIRS:
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if rel.startswith(SCAN_SKIP) or "corpus" in rel.split(os.sep):
                    continue
                if name.endswith((".py", ".cpp", ".h", ".sh")):
                    yield rel, path
    yield "mailroom.sh", os.path.join(ROOT, "mailroom.sh")


def scan_programs(sources=None):
    """{program: first file that runs it}. Calls in the forms Python's subprocess and
    shutil.which, Qt's QProcess and bash use; list literals and shell words only count when
    they name a program that exists on this machine (otherwise they are just words)."""
    found = {}
    for rel, path in (sources if sources is not None else scanned_sources()):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        certain, maybe = set(), set()
        if rel.endswith(".py"):
            certain |= set(PY_CALL.findall(text))
            maybe |= set(PY_LIST.findall(text))
        elif rel.endswith((".cpp", ".h")):
            certain |= set(CPP_CALL.findall(text))
        if not rel.endswith(".sh"):
            for path in PATH_LITERAL.findall(text):
                # /usr/bin/X is the program X; a library is listed by its path.
                certain.add(os.path.basename(path) if re.match(r"^/usr/s?bin/", path) else path)
        else:
            maybe |= shell_commands(text)
        for name in certain | {m for m in maybe if which(m)}:
            found.setdefault(name, rel)
    return found


def scan_python_modules():
    modules = {}
    for rel, path in scanned_sources():
        if not rel.endswith(".py"):
            continue
        with open(path, encoding="utf-8") as f:
            for a, b in PY_IMPORT.findall(f.read()):
                modules.setdefault(a or b, rel)
    return modules


def module_file(name, search_dirs):
    if name in sys.builtin_module_names:
        return None
    for d in search_dirs:
        if os.path.exists(os.path.join(d, name + ".py")) or os.path.isdir(os.path.join(d, name)):
            return None  # one of the tests' own modules
    spec = importlib.util.find_spec(name)
    if spec is None:
        return ""
    return spec.origin if spec.origin not in (None, "built-in", "frozen") else None


# --- the check ------------------------------------------------------------------------

def check(build_dir, script, without=(), scan_only=False, sources=None):
    problems = []
    listed = listed_programs()
    for name, where in sorted(scan_programs(sources).items()):
        if name not in listed:
            problems.append("%s runs %s, which tests/packages/programs.txt does not list" % (where, name))
    if scan_only:
        return problems

    dpkg = dpkg_state()
    wanted = script_packages(script, set(without))
    for pkg in wanted:
        if pkg not in dpkg.packages:
            problems.append("mailroom.sh lists %s, which is not installed here (run ./mailroom.sh first)" % pkg)
    allowed = dpkg.closure(wanted) | dpkg.base()

    needs = cache_needs(build_dir)
    for compiler in preset_compilers():
        path = which(compiler)
        needs.append(("the compiler of a preset, %s" % compiler, path or compiler))
    for name, extras in sorted(listed.items()):
        if extras is None:
            continue
        path = name if name.startswith("/") and os.path.exists(name) else which(name)
        needs.append(("program %s" % name, path or name))
        for pkg in extras:
            if pkg not in allowed:
                problems.append("program %s needs the Debian package %s (programs.txt), which mailroom.sh "
                                "does not install" % (name, pkg))
    test_dirs = sorted({os.path.dirname(p) for _, p in scanned_sources() if p.endswith(".py")})
    for name, where in sorted(scan_python_modules().items()):
        origin = module_file(name, test_dirs)
        if origin == "":
            problems.append("%s imports the Python module %s, which is not installed" % (where, name))
        elif origin:
            needs.append(("Python module %s (%s)" % (name, where), origin))

    found = owners([path for _, path in needs if path.startswith("/")])
    for what, path in needs:
        if not path.startswith("/"):
            problems.append("%s is not installed on this machine" % what)
            continue
        pkg = found[path]
        if pkg is None:
            problems.append("%s (%s) belongs to no Debian package" % (what, path))
        elif pkg not in allowed:
            problems.append("%s needs the Debian package %s (%s), which mailroom.sh does not install"
                            % (what, pkg, path))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="a configured build folder (has CMakeCache.txt)")
    parser.add_argument("--script", default=os.path.join(ROOT, "mailroom.sh"))
    parser.add_argument("--without", action="append", default=[], help="check as if PKG were not in the list")
    parser.add_argument("--scan-only", action="store_true", help="only check that programs.txt is complete")
    args = parser.parse_args()
    problems = check(args.build, args.script, args.without, args.scan_only)
    for p in problems:
        print(p)
    if not problems:
        print("packages: everything the build and the tests use is installed by mailroom.sh")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
