#!/usr/bin/env python3
"""Annotate a JSONL corpus on Spark by piping every partition through `tifa annotate`.

tifa reads JSONL on standard input and writes one annotated JSONL record per input record on
standard output, deterministically, so it runs unchanged under RDD.pipe (and Hadoop
Streaming). Every input field is kept; `spans` is added.

usage: annotate.py INPUT OUTPUT [--tifa PATH] [--master URL] [--partitions N] [-- TIFA-ARGS…]

INPUT and OUTPUT are anything Spark reads and writes (local paths, hdfs://, s3a://). The
tifa binary must exist at PATH on every executor: install it there, or ship it with
`spark-submit --files /path/to/tifa` and pass `--tifa ./tifa` (YARN and Kubernetes put shipped
files in the executor's working directory).
"""
import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--tifa", default="tifa", help="path of the tifa binary on the executors")
    ap.add_argument("--master", default=None, help="Spark master, e.g. local[2] or yarn")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("tifa_args", nargs="*", help="extra tifa arguments, e.g. -g glossary.csv")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("tifa-annotate")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        # One worker thread per pipe: Spark already runs one task per core.
        command = [args.tifa, "annotate", "--input", "jsonl", "--format", "jsonl", "--quiet", "-j1"]
        command += args.tifa_args
        annotated = lines.pipe(shlex.join(command))
        annotated.saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
