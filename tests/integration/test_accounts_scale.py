"""100,000 accounts through the control API: created in JSON-RPC batches of 1,000 (one
transaction and one fsync per batch), then account.list checked page by page against the
order computed here — totals, offset/limit at the start, middle and end, sorting by name and
full name both ways, and filters whose match count is known. Timings (creation rate, page
latency) are printed for a person to read, never asserted: the machine is shared.
"""
import statistics
import time
import unittest

from mailroomtest import ADMIN_USER, MailroomTestCase

COUNT = 100_000
BATCH = 1_000
FIRST = ["Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Greta"]
LAST = ["Archer", "Baker", "Carver", "Dyer", "Fletcher", "Gardner", "Hunter", "Mason", "Porter",
        "Smith", "Turner"]
ADMIN_FULL_NAME = "Test Administrator"  # given by the harness's bootstrap


def name_of(i):
    return "u%06d" % i


def full_name_of(i):
    # A few distinct words; every 250th account also has a rare one, to filter on.
    words = [FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]]
    if i % 250 == 0:
        words.append("Quixote")
    return " ".join(words)


class AccountsScaleTest(MailroomTestCase):

    def setUp(self):
        super().setUp()
        self.accounts = [(ADMIN_USER, ADMIN_FULL_NAME)] + [(name_of(i), full_name_of(i))
                                                          for i in range(1, COUNT + 1)]
        self.timings = []

    def timed_list(self, what, **params):
        start = time.monotonic()
        page = self.rpc.call("account.list", params)
        self.timings.append((what, time.monotonic() - start))
        return page

    def assertPage(self, expected_names, what, **params):
        page = self.timed_list(what, **params)
        self.assertEqual(page["offset"], params.get("offset", 0))
        self.assertEqual([a["name"] for a in page["accounts"]], expected_names, what)
        return page

    def test_one_hundred_thousand_accounts(self):
        # --- creation, in batches ---
        batch_seconds = []
        started = time.monotonic()
        for first in range(1, COUNT + 1, BATCH):
            calls = [("account.create", {"name": name_of(i), "fullName": full_name_of(i)})
                     for i in range(first, min(first + BATCH, COUNT + 1))]
            t0 = time.monotonic()
            answers = self.rpc.batch(calls)
            batch_seconds.append(time.monotonic() - t0)
            failed = [a for a in answers if "error" in a]
            self.assertEqual(failed, [], "batch starting at %d" % first)
            self.assertEqual(answers[-1]["result"]["name"], calls[-1][1]["name"])
            self.rpc.notifications.clear()  # one account.changed per account; not needed here
        created_in = time.monotonic() - started

        # --- totals and paging by name ---
        by_name = sorted(name for name, _ in self.accounts)
        total = len(by_name)
        self.assertEqual(total, COUNT + 1)
        page = self.assertPage(by_name[:100], "name asc, start")
        self.assertEqual(page["total"], total)
        self.assertEqual(page["accounts"][1]["fullName"], full_name_of(1))
        self.assertEqual(page["accounts"][1]["mail"]["state"], "enabled")
        self.assertPage(by_name[50_000:51_000], "name asc, middle, limit 1000", offset=50_000, limit=1000)
        self.assertPage(by_name[49_900:50_000], "name asc, page before the middle", offset=49_900)
        self.assertPage(by_name[-100:], "name asc, last page", offset=total - 100)
        self.assertPage(by_name[-1:], "name asc, last account", offset=total - 1)
        self.assertPage([], "name asc, past the end", offset=total)
        self.assertPage(by_name[::-1][:100], "name desc, start", order="desc")
        self.assertPage(by_name[::-1][70_000:70_050], "name desc, middle", order="desc", offset=70_000, limit=50)
        self.assertPage(by_name[::-1][-10:], "name desc, end", order="desc", offset=total - 10, limit=10)

        # --- sorting by full name (case-insensitive, ties by name) ---
        by_full = [name for name, _ in sorted(self.accounts, key=lambda a: (a[1].lower(), a[0]))]
        self.assertPage(by_full[:100], "fullName asc, start", sort="fullName")
        self.assertPage(by_full[60_000:60_100], "fullName asc, middle", sort="fullName", offset=60_000)
        self.assertPage(by_full[-100:], "fullName asc, end", sort="fullName", offset=total - 100)
        self.assertPage(by_full[::-1][:100], "fullName desc, start", sort="fullName", order="desc")
        self.assertPage(by_full[::-1][30_000:30_100], "fullName desc, middle", sort="fullName", order="desc",
                        offset=30_000)
        self.assertPage([name_of(COUNT - i) for i in range(100)], "created desc, start", sort="created",
                        order="desc")

        # --- filters with a known number of matches ---
        for text in ["Quixote", "quixote", "u0999", "u05", "Chloe Mason", "gardner", "administrator", "zzz"]:
            matches = [name for name, full in sorted(self.accounts)
                       if text.lower() in name.lower() or text.lower() in full.lower()]
            with self.subTest(filter=text):
                page = self.timed_list("filter %r" % text, filter=text, limit=1000)
                self.assertEqual(page["total"], len(matches))
                self.assertEqual([a["name"] for a in page["accounts"]], matches[:1000])
        self.assertEqual(len([n for n, f in self.accounts if "Quixote" in f]), COUNT // 250)
        page = self.timed_list("filter 'gardner', last page", filter="gardner", offset=9000, limit=1000)
        gardners = [n for n, f in sorted(self.accounts) if "gardner" in f.lower()]
        self.assertEqual([a["name"] for a in page["accounts"]], gardners[9000:10000])

        # --- the figures ---
        print("\n%d accounts created in %.1f s: %.0f accounts/s (batches of %d: median %.3f s, "
              "min %.3f s, max %.3f s)" % (COUNT, created_in, COUNT / created_in, BATCH,
                                            statistics.median(batch_seconds), min(batch_seconds),
                                            max(batch_seconds)))
        print("account.list latency with %d accounts:" % total)
        for what, seconds in self.timings:
            print("  %-40s %7.1f ms" % (what, seconds * 1000))


if __name__ == "__main__":
    unittest.main()
