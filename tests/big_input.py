#!/usr/bin/env python3
"""Writes a synthetic input of about 1 GiB (or --bytes) to standard output,
for the pipe tests of .ci/big_inputs.sh. Nothing here is committed data: the
input is made at test time and never stored.

    python3 tests/big_input.py CASE [--bytes N] | econ ...

Cases (each named after the reader it feeds):

  csv-line      a plain CSV whose second line is one endless number
  csv-rows      valid monthly rows 0001-01..9999-12, then again from 0001-01
  long-csv      a long CSV of many series; series "SEL" (120 months, value =
                month number) comes first, then rows of other series
  long-vintage  one series with a vintage column: every month of 2000..2009
                in each of consecutive daily vintages, all values distinct
  alfred-csv    ALFRED CSV with 1,000 vintage columns, one row per month
                from 0001-01 on; a row's value changes every 250 vintages
  fred-json     ALFRED JSON, never closed: observations with consecutive
                one-day real-time intervals and distinct values
  sdmx-csv      SDMX-CSV 1.0: series M.SEL.EUR (120 months, value = month
                number) first, then rows of 1,000 other series, repeated
  sdmx-json     SDMX-JSON 2.0, structure first: series 0:0 (SEL, 120 months,
                value = month number) first, then other series, repeated
  json          the series JSON with an endless values array
"""

import sys

GIB = 1 << 30


def months(first_year, count):
    """YYYY-MM texts from January of first_year."""
    return [f"{first_year + m // 12:04d}-{m % 12 + 1:02d}" for m in range(count)]


def selected_months():
    """The 120 months of the selected series: 2015-01..2024-12, value k+1."""
    return [(p, k + 1) for k, p in enumerate(months(2015, 120))]


def blocks(case):
    """Yields the input in chunks of bytes, endlessly or until the case ends."""
    if case == "csv-line":
        yield b"period,value\n2025-01,"
        chunk = b"7" * (1 << 20)
        while True:
            yield chunk
    elif case == "csv-rows":
        yield b"period,value\n"
        rows = "".join(f"{p},1.5\n" for p in months(1, 119_988)).encode()
        while True:
            yield rows
    elif case == "long-csv":
        yield b"series_id,period,value\n"
        yield "".join(f"SEL,{p},{v}\n" for p, v in selected_months()).encode()
        other = "".join(
            f"S{i % 1000},{p},{i}\n" for i, p in enumerate(months(2000, 12_000))
        ).encode()
        while True:
            yield other
    elif case == "long-vintage":
        yield b"series_id,period,value,vintage\n"
        periods = months(2000, 120)
        day = 0
        n = 0
        while True:
            y, rest = divmod(day, 360)
            m, d = divmod(rest, 30)
            vintage = f"{1900 + y:04d}-{m + 1:02d}-{min(d + 1, 28):02d}"
            if d < 28:
                rows = []
                for p in periods:
                    n += 1
                    rows.append(f"X,{p},{n}.25,{vintage}\n")
                yield "".join(rows).encode()
            day += 1
    elif case == "alfred-csv":
        vintages = [f"X_{1900 + k // 12:04d}{k % 12 + 1:02d}01" for k in range(1000)]
        yield ("observation_date," + ",".join(vintages) + "\n").encode()
        # Four values per row, each for 250 vintages: 1.25, 2.25, 3.25, 4.25.
        cells = ",".join(f"{k // 250 + 1}.25" for k in range(1000)) + "\n"
        batch = []
        for p in months(1, 119_988):
            batch.append(f"{p}-01,{cells}")
            if len(batch) == 100:
                yield "".join(batch).encode()
                batch = []
        yield "".join(batch).encode()
    elif case == "fred-json":
        yield b'{"realtime_start":"1776-07-04","realtime_end":"9999-12-31","observations":['
        n = 0
        sep = ""
        while True:
            out = []
            for _ in range(10_000):
                # Day n of a 9,000-year calendar of 360 days: distinct, valid dates.
                y, rest = divmod(n, 336)
                m, d = divmod(rest, 28)
                day = f"{1000 + y % 8000:04d}-{m + 1:02d}-{d + 1:02d}"
                out.append(
                    f'{sep}{{"realtime_start":"{day}","realtime_end":"{day}",'
                    f'"date":"2020-01-01","value":"{n}.5"}}'
                )
                sep = ","
                n += 1
            yield "".join(out).encode()
    elif case == "sdmx-csv":
        yield b"DATAFLOW,FREQ,REF_AREA,CURRENCY,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
        yield "".join(
            f"ECB:EXR(1.0),M,SEL,EUR,{p},{v},A\n" for p, v in selected_months()
        ).encode()
        other = "".join(
            f"ECB:EXR(1.0),M,A{i % 1000},EUR,{p},{i}.5,A\n"
            for i, p in enumerate(months(2000, 12_000))
        ).encode()
        while True:
            yield other
    elif case == "sdmx-json":
        areas = ["SEL"] + [f"A{i}" for i in range(1000)]
        periods = months(2015, 120)
        structure = (
            '{"links":[{"rel":"dataflow","urn":"urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=ECB:EXR(1.0)"}],'
            '"dimensions":{"series":['
            '{"id":"FREQ","keyPosition":0,"values":[{"id":"M"}]},'
            '{"id":"REF_AREA","keyPosition":1,"values":['
            + ",".join(f'{{"id":"{a}"}}' for a in areas)
            + "]}],"
            '"observation":[{"id":"TIME_PERIOD","values":['
            + ",".join(f'{{"id":"{p}"}}' for p in periods)
            + "]}]}}"
        )
        yield ('{"meta":{},"data":{"structures":[' + structure + '],"dataSets":[{"series":{').encode()
        sel = ",".join(f'"{k}":[{k + 1}]' for k in range(120))
        yield ('"0:0":{"observations":{' + sel + "}}").encode()
        obs = ",".join(f'"{k}":[{k}.5]' for k in range(120))
        other = "".join(f',"0:{i}":{{"observations":{{{obs}}}}}' for i in range(1, 1001)).encode()
        while True:
            yield other
    elif case == "json":
        yield b'{"frequency":"monthly","start":"2000-01","values":['
        chunk = b"1.5," * (1 << 18)
        while True:
            yield chunk
    else:
        raise SystemExit(f"unknown case {case!r}")


# What ends an input that must stay well formed: whole rows only, and the
# JSON closed. Cases not listed are cut where the size runs out.
WHOLE = {"long-csv": b"", "sdmx-csv": b"", "sdmx-json": b"}}]}}"}


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    case = args[0]
    total = GIB
    if "--bytes" in args:
        total = int(args[args.index("--bytes") + 1])
    out = sys.stdout.buffer
    written = 0
    try:
        for block in blocks(case):
            if case in WHOLE:
                if written + len(block) + len(WHOLE[case]) > total:
                    out.write(WHOLE[case])
                    break
            else:
                block = block[: total - written]
            out.write(block)
            written += len(block)
            if written >= total:
                break
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (an error, or a limit): that is its answer.
        pass
    sys.stderr.close()


if __name__ == "__main__":
    main()
