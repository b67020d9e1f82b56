#!/usr/bin/env python3
"""Run warta over a JSON Lines corpus on Apache Spark.

Each partition of the input is piped through the warta binary (`warta extract -q -`),
which reads JSON Lines on standard input and writes one record per input line, in order.
The binary travels to the executors with the job (SparkContext.addFile), so nothing has
to be installed on the cluster but Spark itself.

usage:
  spark-submit examples/spark/warta_spark.py --warta target/release/warta \\
      INPUT OUTPUT [--format jsonl|parquet] [--partitions N] [-- WARTA_ARGS...]

INPUT is any path or Hadoop-compatible URI Spark reads as text (hdfs://, s3a://, file
globs); OUTPUT a folder of JSON Lines part files, or of Parquet files with --format parquet.
Arguments after `--` go to `warta extract` (for example --tokens or --date 2022-11-09).
"""
import argparse
import os
import stat
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def pipe_partition(binary_name, warta_args):
    """The function each executor runs over one partition's lines."""

    def run(lines):
        exe = SparkFiles.get(binary_name)
        mode = os.stat(exe).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(exe, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        proc = subprocess.Popen(
            [exe, "extract", "-q", *warta_args, "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        writer.join()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        # 0: every article gave a record; 1: some gave error records, which are in the
        # output with their ids. Anything else is a failure of the partition.
        if proc.wait() not in (0, 1):
            raise RuntimeError(f"warta failed on a partition: {stderr.strip()}")

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--warta", default="target/release/warta", help="the warta binary to ship to executors")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("warta_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    warta_args = [a for a in args.warta_args if a != "--"]

    spark = SparkSession.builder.appName("warta").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.warta))
    binary_name = os.path.basename(args.warta)

    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    records = lines.mapPartitions(pipe_partition(binary_name, warta_args))
    if args.format == "jsonl":
        records.saveAsTextFile(args.output)
    else:
        spark.read.json(records).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
