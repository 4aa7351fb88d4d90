#!/usr/bin/env python3
"""Sum the counters of every TRX file under a folder; print 'tests: N passed, N failed'.

Exit status is 1 when any test failed, when a TRX file is unreadable, or when no test ran.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def main() -> int:
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".local/test-results")
    passed = failed = 0
    for trx in sorted(folder.rglob("*.trx")):
        try:
            counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
        except ET.ParseError as err:
            print(f"unreadable test result {trx}: {err}", file=sys.stderr)
            failed += 1
            continue
        if counters is None:
            continue
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
        for result in ET.parse(trx).getroot().iter(f"{NS}UnitTestResult"):
            if result.get("outcome") == "Failed":
                print(f"FAILED {result.get('testName')}", file=sys.stderr)
    print(f"tests: {passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
