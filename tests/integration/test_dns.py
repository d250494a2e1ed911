"""MX records against a real DNS server: each test starts BIND 9 (named) on loopback with a zone
for its domain that takes TSIG-signed updates, publishes through maild (mx.publish), and reads
the records back with dig and with mx.check. Wrong keys, a stopped server, validation, the
zone fragment, secrets, and the periodic check (maild's clock sped up with libfaketime).
"""
import json
import os
import time
import unittest

from mailroomtest import MailroomTestCase, Rpc, RpcError, ADMIN_USER, ADMIN_PASSWORD
from namedtest import KEY_NAME, Named

DOMAIN = "example.test"
HOST = "mail.example.test"
LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
ZONE_RECORDS = ["mail IN A 127.0.0.2", "backup IN A 127.0.0.3", "@ IN TXT \"site-verification=abc\""]


class DnsTestCase(MailroomTestCase):
    """maild with server.hostname mail.example.test, the local domain example.test, and a
    named primary for example.test that maild asks (dns.servers) and publishes to."""

    dns_timeout_ms = 1000

    def setUp(self):
        super().setUp()
        self.named = Named({DOMAIN: ZONE_RECORDS})
        self.addCleanup(self.named.cleanup)
        self.named.start()
        self.rpc.call("settings.set", {"values": {"dns.servers": [self.named.server], "server.hostname": HOST,
                                                  "dns.timeoutMs": self.dns_timeout_ms, "dns.attempts": 2}})
        self.rpc.call("domain.add", {"name": DOMAIN})

    def add(self, host, preference, **extra):
        return self.rpc.call("mx.add", dict({"domain": DOMAIN, "host": host, "preference": preference}, **extra))

    def set_publishing(self, secret=None, key=KEY_NAME, **extra):
        params = {"domain": DOMAIN, "server": self.named.server, "keyName": key,
                  "secret": secret or self.named.secret}
        params.update(extra)
        return self.rpc.call("mx.setPublishing", params)

    def domain(self):
        return self.rpc.call("mx.list", {"domain": DOMAIN})["domains"][0]

    def check(self):
        return self.rpc.call("mx.check", {"domain": DOMAIN})


class PublishTest(DnsTestCase):

    def test_two_records_published_read_back_with_dig_and_mx_check(self):
        self.add(HOST, 10)
        self.add("backup.example.test", 20)
        before = self.domain()
        self.assertTrue(before["pendingChanges"])
        self.assertEqual([r["published"] for r in before["records"]], [False, False])
        self.set_publishing(ttl=600)
        result = self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(result["status"], "NOERROR")
        self.assertEqual(result["records"], 2)
        self.assertEqual(self.named.mx(DOMAIN), {(10, HOST), (20, "backup.example.test")})
        ttls = {data.split()[1].rstrip("."): ttl for _, ttl, t, data in self.named.dig(DOMAIN, "MX")}
        self.assertEqual(ttls, {HOST: 600, "backup.example.test": 600})
        after = self.domain()
        self.assertFalse(after["pendingChanges"])
        self.assertTrue(after["publishedAt"])
        self.assertEqual([r["published"] for r in after["records"]], [True, True])
        check = self.check()
        self.assertFalse(check["differs"], check)
        self.assertEqual([(r["host"], r["state"], r["ttl"]) for r in check["records"]],
                         [(HOST, "published", 600), ("backup.example.test", "published", 600)])
        self.assertEqual(check["unexpected"], [])
        self.assertEqual({h["host"]: h["addresses"] for h in check["hosts"]},
                         {HOST: ["127.0.0.2"], "backup.example.test": ["127.0.0.3"]})
        # the suggested TXT records were not ticked: the zone's TXT is untouched
        self.assertEqual(self.named.txt(DOMAIN), ['"site-verification=abc"'])
        self.assertEqual(self.named.txt("_dmarc." + DOMAIN), [])
        audit = self.rpc.call("audit.list", {"method": "mx.publish"})
        self.assertEqual(audit["total"], 1)

    def test_removing_a_record_and_publishing_removes_it_from_the_zone(self):
        self.add(HOST, 10)
        self.add("backup.example.test", 20)
        self.set_publishing()
        self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(len(self.named.mx(DOMAIN)), 2)
        changed = self.rpc.call("mx.remove", {"domain": DOMAIN, "host": "backup.example.test"})
        self.assertTrue(changed["pendingChanges"])
        self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(self.named.mx(DOMAIN), {(10, HOST)})
        self.assertFalse(self.domain()["pendingChanges"])

    def test_wrong_secret_is_refused_with_bind_error_and_nothing_is_marked_published(self):
        self.add(HOST, 10)
        self.set_publishing(secret="d3Jvbmcgc2VjcmV0IGZvciB0aGUga2V5IQ==")
        with self.assertRaises(RpcError) as ctx:
            self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(ctx.exception.code, 1400)
        self.assertEqual(ctx.exception.data["status"], "BADSIG")
        self.assertIn("BADSIG", ctx.exception.message)
        self.assertIn("NOTAUTH", ctx.exception.message)
        self.assertEqual(self.named.mx(DOMAIN), set())
        d = self.domain()
        self.assertTrue(d["pendingChanges"])
        self.assertEqual(d["publishedAt"], "")
        self.assertFalse(d["records"][0]["published"])
        self.assertEqual(self.rpc.call("audit.list", {"method": "mx.publish"})["total"], 0)

    def test_unknown_key_name_is_refused_with_badkey(self):
        self.add(HOST, 10)
        self.set_publishing(key="not-a-key-of-this-server")
        with self.assertRaises(RpcError) as ctx:
            self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(ctx.exception.data["status"], "BADKEY")
        self.assertEqual(self.named.mx(DOMAIN), set())

    def test_suggested_spf_and_dmarc_published_when_ticked_other_txt_kept(self):
        self.add(HOST, 10)
        self.set_publishing(includeSpf=True, includeDmarc=True, dmarcReport="reports@example.test")
        for _ in range(2):  # publishing again replaces, never duplicates
            self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(self.named.txt(DOMAIN), ['"site-verification=abc"', '"v=spf1 mx -all"'])
        self.assertEqual(self.named.txt("_dmarc." + DOMAIN),
                         ['"v=DMARC1; p=none; rua=mailto:reports@example.test"'])

    def test_zone_text_has_the_records_addresses_and_marked_suggestions(self):
        self.add(HOST, 10)
        self.add("mx.elsewhere.test", 20)
        self.set_publishing()
        self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.check()  # learns the hosts' addresses
        text = self.rpc.call("mx.zoneText", {"domain": DOMAIN})["text"]
        lines = [l.split() for l in text.splitlines() if l and not l.startswith(";")]
        self.assertIn(["example.test.", "3600", "IN", "MX", "10", "mail.example.test."], lines)
        self.assertIn(["example.test.", "3600", "IN", "MX", "20", "mx.elsewhere.test."], lines)
        self.assertIn(["mail.example.test.", "3600", "IN", "A", "127.0.0.2"], lines)
        self.assertIn('"v=spf1 mx -all"', text)
        self.assertIn('_dmarc.example.test.', text)
        self.assertIn('p=none; rua=mailto:postmaster@example.test', text)
        suggestions = text.index("Suggestions")
        self.assertLess(text.index("MX\t10"), suggestions)
        self.assertGreater(text.index("v=spf1"), suggestions)
        # the same through mailctl
        out = self.mailctl("mx", "zone", DOMAIN).stdout.decode()
        self.assertIn("mail.example.test.", out)


class CheckTest(DnsTestCase):

    def test_check_reports_missing_and_unexpected_records_and_server_status_warns(self):
        self.add(HOST, 10)
        self.set_publishing()
        self.rpc.call("mx.publish", {"domain": DOMAIN})
        # the zone gains a record nobody configured, and one configured record is not published
        self.add("backup.example.test", 20)
        import subprocess
        update = "server %s %d\nzone %s\nupdate add %s 3600 MX 30 old.elsewhere.test.\nsend\n" % (
            self.named.host, self.named.port, DOMAIN, DOMAIN)
        subprocess.run(["nsupdate", "-y", "hmac-sha256:%s:%s" % (KEY_NAME, self.named.secret)],
                       input=update.encode(), check=True, timeout=30, capture_output=True)
        check = self.check()
        self.assertTrue(check["differs"])
        states = {r["host"]: r["state"] for r in check["records"]}
        self.assertEqual(states, {HOST: "published", "backup.example.test": "missing"})
        self.assertEqual([(r["host"], r["preference"]) for r in check["unexpected"]], [("old.elsewhere.test", 30)])
        old = [h for h in check["hosts"] if h["host"] == "old.elsewhere.test"][0]
        self.assertEqual(old["addresses"], [])
        self.assertIn("REFUSED", old["error"])  # named serves only example.test
        warnings = self.rpc.call("server.status")["warnings"]
        self.assertTrue(any("example.test" in w and "missing 20 backup.example.test" in w
                            and "unexpected 30 old.elsewhere.test" in w for w in warnings), warnings)
        # publishing the configured set and checking again clears the warning
        self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertFalse(self.check()["differs"])
        self.assertFalse([w for w in self.rpc.call("server.status")["warnings"] if "DNS" in w])

    def test_stopped_server_times_out_within_the_configured_time_and_the_daemon_answers_meanwhile(self):
        self.add(HOST, 10)
        self.set_publishing()
        self.named.pause()
        other = self.connect()
        self.rpc.send_raw(json.dumps({"jsonrpc": "2.0", "id": 99, "method": "mx.check",
                                      "params": {"domain": DOMAIN}}).encode() + b"\n")
        started = time.monotonic()
        # another control call is answered while the check waits for the stopped server
        status = other.call("server.status")
        self.assertEqual(status["host"], HOST)
        self.assertLess(time.monotonic() - started, 1.0, "the daemon stalled while waiting for DNS")
        answer = self.rpc.recv_response()
        elapsed = time.monotonic() - started
        self.assertEqual(answer["error"]["code"], 1400, answer)
        self.assertEqual(answer["error"]["data"]["status"], "timeout")
        self.assertIn("no answer", answer["error"]["message"])
        # dns.timeoutMs 1000 x dns.attempts 2, plus slack for a loaded machine
        self.assertLess(elapsed, 2.0 + 5.0)
        with self.assertRaises(RpcError) as ctx:
            self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertEqual(ctx.exception.data["status"], "timeout")
        self.assertTrue(self.domain()["pendingChanges"])
        warnings = self.rpc.call("server.status")["warnings"]
        self.assertTrue(any("cannot check the MX records of example.test" in w for w in warnings), warnings)
        self.named.resume()


class ValidationTest(DnsTestCase):

    def assertRefusedAndUnchanged(self, code, method, params, field=None):
        before = self.domain()
        with self.assertRaises(RpcError) as ctx:
            self.rpc.call(method, params)
        self.assertEqual(ctx.exception.code, code, ctx.exception.message)
        self.assertTrue(ctx.exception.message)
        if field:
            self.assertEqual(ctx.exception.data.get("field"), field, ctx.exception.data)
        self.assertEqual(self.domain(), before)

    def test_bad_hosts_addresses_preferences_and_duplicates_are_refused(self):
        self.add(HOST, 10)
        for host in ["127.0.0.1", "[192.0.2.1]", "2001:db8::1", "::1", "mail..example.test", "-mail.example.test",
                     "mail_box.example.test", "mailhost", "", "a" * 64 + ".example.test", "mail example.test"]:
            with self.subTest(host=host):
                self.assertRefusedAndUnchanged(1102, "mx.add", {"domain": DOMAIN, "host": host, "preference": 10},
                                               "host")
        for pref in [-1, 65536, 1 << 40]:
            self.assertRefusedAndUnchanged(-32602, "mx.add", {"domain": DOMAIN, "host": "b.example.test",
                                                              "preference": pref}, "preference")
        self.assertRefusedAndUnchanged(-32602, "mx.add", {"domain": DOMAIN, "host": "b.example.test"}, "preference")
        self.assertRefusedAndUnchanged(1101, "mx.add", {"domain": DOMAIN, "host": "MAIL.example.test.",
                                                        "preference": 20}, "host")
        self.assertRefusedAndUnchanged(1100, "mx.add", {"domain": "other.test", "host": HOST, "preference": 5},
                                       "domain")
        self.add("b.example.test", 20)
        self.assertRefusedAndUnchanged(1101, "mx.update", {"domain": DOMAIN, "host": "b.example.test",
                                                           "newHost": HOST}, "newHost")
        self.assertRefusedAndUnchanged(1102, "mx.update", {"domain": DOMAIN, "host": "b.example.test",
                                                           "newHost": "10.0.0.1"}, "newHost")
        self.assertRefusedAndUnchanged(-32602, "mx.update", {"domain": DOMAIN, "host": "b.example.test",
                                                             "preference": 70000}, "preference")
        self.assertRefusedAndUnchanged(1100, "mx.update", {"domain": DOMAIN, "host": "nope.example.test",
                                                           "preference": 1}, "host")
        self.assertRefusedAndUnchanged(1100, "mx.remove", {"domain": DOMAIN, "host": "nope.example.test"}, "host")
        self.assertRefusedAndUnchanged(-32602, "mx.add", {"domain": DOMAIN, "host": "c.example.test",
                                                          "preference": 1, "weight": 3})
        updated = self.rpc.call("mx.update", {"domain": DOMAIN, "host": "b.example.test", "preference": 5})
        self.assertEqual([(r["host"], r["preference"]) for r in updated["records"]],
                         [("b.example.test", 5), (HOST, 10)])

    def test_publishing_settings_are_checked_and_the_secret_never_shown(self):
        bad = [({"server": "dns.example.test"}, "server"), ({"server": "127.0.0.1:99999"}, "server"),
               ({"zone": "other.test"}, "zone"), ({"keyName": ""}, "keyName"),
               ({"secret": "not base64!"}, "secret"), ({"secret": "c2hvcnQ="}, "secret"),
               ({"dmarcReport": "not an address"}, "dmarcReport")]
        for change, field in bad:
            params = {"domain": DOMAIN, "server": self.named.server, "keyName": KEY_NAME,
                      "secret": self.named.secret}
            params.update(change)
            with self.subTest(change=change):
                self.assertRefusedAndUnchanged(1102, "mx.setPublishing", params, field)
        self.assertFalse(os.path.exists(os.path.join(self.daemon.data_dir, "dns", "keys", DOMAIN + ".key")))
        self.set_publishing()
        key_file = os.path.join(self.daemon.data_dir, "dns", "keys", DOMAIN + ".key")
        self.assertEqual(os.stat(key_file).st_mode & 0o777, 0o600)
        d = self.domain()
        self.assertTrue(d["publishing"]["hasSecret"])
        self.assertNotIn(self.named.secret, json.dumps(d))
        # the secret may be left out once stored
        self.rpc.call("mx.setPublishing", {"domain": DOMAIN, "server": self.named.server, "keyName": KEY_NAME,
                                           "includeSpf": True})
        self.assertTrue(self.domain()["publishing"]["includeSpf"])
        audit = json.dumps(self.rpc.call("audit.list", {"method": "mx.setPublishing"}))
        self.assertNotIn(self.named.secret, audit)
        self.assertIn("********", audit)
        with open(os.path.join(self.daemon.data_dir, "log", "maild.log")) as f:
            self.assertNotIn(self.named.secret, f.read())
        self.assertNotIn(self.named.secret, self.daemon.read_output())
        # no publishing target: a clear refusal, nothing sent
        self.rpc.call("mx.setPublishing", {"domain": DOMAIN, "server": ""})
        self.assertFalse(os.path.exists(key_file))
        with self.assertRaises(RpcError) as ctx:
            self.rpc.call("mx.publish", {"domain": DOMAIN})
        self.assertIn("mx.setPublishing", ctx.exception.message)

    def test_warnings_for_no_record_and_none_naming_this_server(self):
        d = self.domain()
        self.assertTrue(any("no MX record" in w for w in d["warnings"]), d["warnings"])
        self.add("other.example.test", 10)
        d = self.domain()
        self.assertTrue(any("names this server" in w and HOST in w for w in d["warnings"]), d["warnings"])
        self.add(HOST, 20)
        self.assertEqual(self.domain()["warnings"], [])

    def test_removing_the_domain_removes_its_records_and_secret(self):
        self.add(HOST, 10)
        self.set_publishing()
        key_file = os.path.join(self.daemon.data_dir, "dns", "keys", DOMAIN + ".key")
        self.assertTrue(os.path.exists(key_file))
        self.rpc.call("domain.remove", {"name": DOMAIN})
        self.assertFalse(os.path.exists(key_file))
        self.assertEqual(self.rpc.call("mx.list"), {"domains": []})
        self.rpc.call("domain.add", {"name": DOMAIN})
        self.assertEqual(self.domain()["records"], [])

    def test_mailctl_mx_commands(self):
        self.mailctl("mx", "add", DOMAIN, HOST, "10")
        self.mailctl("mx", "add", DOMAIN, "backup.example.test", "20")
        self.mailctl("mx", "update", DOMAIN, "backup.example.test", "--preference", "30")
        out = self.mailctl("mx", "list", DOMAIN).stdout.decode()
        self.assertIn(HOST, out)
        self.assertIn("30", out)
        bad = self.mailctl("mx", "add", DOMAIN, "192.0.2.1", "10", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("IP address", bad.stderr.decode() + bad.stdout.decode())
        self.mailctl("mx", "publishing", DOMAIN, "--server", self.named.server, "--key-name", KEY_NAME,
                     "--secret-stdin", stdin_extra=self.named.secret + "\n")
        self.mailctl("mx", "publish", DOMAIN)
        self.assertEqual(self.named.mx(DOMAIN), {(10, HOST), (30, "backup.example.test")})
        check = self.mailctl("mx", "check", DOMAIN).stdout.decode()
        self.assertIn("published", check)
        self.mailctl("mx", "remove", DOMAIN, "backup.example.test")
        self.assertEqual([r["host"] for r in self.domain()["records"]], [HOST])


@unittest.skipUnless(os.path.exists(LIBFAKETIME), "libfaketime is not installed (Debian package faketime)")
class PeriodicCheckTest(DnsTestCase):
    """dns.checkMinutes with maild's clock 120 times faster: a difference shows in
    server.status without anybody calling mx.check."""

    daemon_env = {"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "+0 x120", "FAKETIME_NO_CACHE": "1",
                  "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"}
    dns_timeout_ms = 60000  # half a second of real time on the fast clock

    def test_records_are_checked_on_the_timer(self):
        self.rpc.call("settings.set", {"values": {"dns.checkMinutes": 1}})
        self.add(HOST, 10)  # configured, never published
        deadline = time.monotonic() + 20
        warnings = []
        while time.monotonic() < deadline:
            warnings = [w for w in self.rpc.call("server.status")["warnings"] if "DNS" in w]
            if warnings:
                break
            time.sleep(0.2)
        self.assertTrue(any("missing 10 mail.example.test" in w for w in warnings), warnings)


if __name__ == "__main__":
    unittest.main()
