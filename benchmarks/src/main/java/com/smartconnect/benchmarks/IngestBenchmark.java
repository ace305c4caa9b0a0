package com.smartconnect.benchmarks;

public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) {
    }
}
