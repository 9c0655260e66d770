using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Feed.Benchmarks.Serving.RenderFromScratchBenchmarks).Assembly).Run(args);
