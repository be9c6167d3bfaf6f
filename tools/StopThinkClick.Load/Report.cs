using System.Text;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Load;

/// <summary>
/// Writes the run's figures (ours, the durable and the bare baseline) into docs/performance.md between
/// two markers (a section of its own for a two-node run), leaving the hand-written
/// analysis around them alone, and returns the targets met and missed.
/// </summary>
static class Report
{
    const string SingleBegin = "<!-- bench:begin (written by ./stc bench; do not edit by hand) -->";
    const string SingleEnd = "<!-- bench:end -->";

    // A two-node run writes its own section, so one run of each keeps both sets of figures.
    static (string Begin, string End) Markers(int nodes) => nodes == 1
        ? (SingleBegin, SingleEnd)
        : ($"<!-- bench-nodes-{nodes}:begin (written by ./stc bench --nodes {nodes}; do not edit by hand) -->", $"<!-- bench-nodes-{nodes}:end -->");

    public static string Write(Options o, Runs runs, IReadOnlyList<PageResult> pages, (int Stored, int Lost, int Duplicated) check, Quiz quiz)
    {
        var (ours, bare, durable) = runs;
        var pupils = o.Classrooms * o.Pupils;
        double Ratio(Latencies a, Latencies b) => a.Percentile(95) / b.Percentile(95);
        var consoleToDurable = Ratio(ours.RealisticConsole, durable.RealisticConsole);
        var ackToDurable = Ratio(ours.FlatOutAck, durable.FlatOutAck);
        var lesson = pages[0];
        var dashboard = pages.First(p => p.Page == "Class dashboard");
        (string Target, bool Met, string Figure)[] targets =
        [
            ($"{pupils:N0} pupils connected in {o.Classrooms} live sessions" + (o.Nodes > 1 ? $" over {o.Nodes} nodes" : ""), ours.ConnectionsHeld >= pupils + o.Classrooms, $"{ours.ConnectionsHeld:N0} connections held"),
            ("Every acknowledged answer persisted", check.Lost == 0 && check.Duplicated == 0, $"{ours.AckedAnswers.Count:N0} acknowledged, {check.Lost} lost, {check.Duplicated} duplicated"),
            ("Console latency p95 ≤ 50 ms (realistic)", ours.RealisticConsole.Percentile(95) <= 50, $"{ours.RealisticConsole.Percentile(95):0.0} ms"),
            ("Console latency p99 ≤ 150 ms (realistic)", ours.RealisticConsole.Percentile(99) <= 150, $"{ours.RealisticConsole.Percentile(99):0.0} ms"),
            ("Console p95 within 1.5× the durable bare hub's (realistic)", consoleToDurable <= 1.5,
                $"{consoleToDurable:0.00}× the durable ({Ratio(ours.RealisticConsole, bare.RealisticConsole):0.00}× the bare hub, which stores nothing)"),
            ("Flat-out acknowledgement p95 within 1.5× the durable bare hub's", ackToDurable <= 1.5,
                $"{ackToDurable:0.00}× the durable ({Ratio(ours.FlatOutAck, bare.FlatOutAck):0.00}× the bare hub)"),
            ("≥ 2,000 answers persisted per second (flat out)", ours.AnswersPerSecond >= 2000, $"{ours.AnswersPerSecond:N0}/s"),
            ("Flat-out acknowledgement p95 ≤ 100 ms", ours.FlatOutAck.Percentile(95) <= 100, $"{ours.FlatOutAck.Percentile(95):0.0} ms"),
            ("Paced at 2,000 answers/s: acknowledgement p95 ≤ 100 ms", ours.PacedAck.Percentile(95) <= 100, $"{ours.PacedPerSecond:N0}/s, p95 {ours.PacedAck.Percentile(95):0.0} ms"),
            ("Lesson page ≥ 2,000 requests/s", lesson.RequestsPerSecond >= 2000, $"{lesson.RequestsPerSecond:N0} req/s"),
            ("Lesson page p95 ≤ 10 ms", lesson.P95 <= 10, $"{lesson.P95:0.00} ms"),
            ("Class dashboard ≥ 2,000 requests/s", dashboard.RequestsPerSecond >= 2000, $"{dashboard.RequestsPerSecond:N0} req/s"),
            ("Class dashboard p95 ≤ 10 ms", dashboard.P95 <= 10, $"{dashboard.P95:0.00} ms"),
            (o.Nodes == 1 ? "App peak memory ≤ 512 MB" : $"App peak memory ≤ 512 MB per node ({o.Nodes} nodes summed)", ours.PeakMb <= 512 * o.Nodes, $"{ours.PeakMb:0} MB"),
        ];

        var (begin, end) = Markers(o.Nodes);
        var md = new StringBuilder();
        md.AppendLine(begin);
        md.AppendLine($"Run on {DateTime.Now:yyyy-MM-dd HH:mm} ({Environment.ProcessorCount} cores, {Memory()}); " +
                      $"`./stc bench --classrooms {o.Classrooms} --pupils {o.Pupils} --realistic {o.RealisticSeconds} --interval {o.IntervalSeconds}" +
                      (o.Nodes > 1 ? $" --nodes {o.Nodes}" : "") + "`. " +
                      (o.Nodes > 1 ? $"StopThinkClick on {o.Nodes} app processes sharing PostgreSQL and a private redis-server; consoles alternate between the nodes and each class's pupils are split over them (CPU and memory are summed over the nodes). " : "") +
                      $"Quiz: *{quiz.Title}* ({quiz.Questions.Count} questions).");
        md.AppendLine();
        md.AppendLine("| target | met | figure |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var (target, met, figure) in targets) md.AppendLine($"| {target} | {(met ? "yes" : "**no**")} | {figure} |");
        md.AppendLine();
        md.AppendLine("The durable bare hub appends each answer to a plain table with raw Npgsql through a group commit (synchronous commit on) before it acknowledges and pushes; the bare hub stores nothing. Ratios are StopThinkClick's figure over the baseline's.");
        md.AppendLine();
        md.AppendLine($"| live load | {ours.Target} | durable bare hub | ratio | bare hub | ratio |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        void L(string what, Func<LiveResults, double> f, string format) => Row(md, what, f(ours), f(durable), f(bare), format);
        L("connections held", r => r.ConnectionsHeld, "0");
        L("time to connect and join everyone (s)", r => r.ConnectSeconds, "0.0");
        L("realistic: answers", r => r.RealisticAnswers, "0");
        L("realistic: console latency p50 (ms)", r => r.RealisticConsole.Percentile(50), "0.0");
        L("realistic: console latency p95 (ms)", r => r.RealisticConsole.Percentile(95), "0.0");
        L("realistic: console latency p99 (ms)", r => r.RealisticConsole.Percentile(99), "0.0");
        L("realistic: acknowledgement p95 (ms)", r => r.RealisticAck.Percentile(95), "0.0");
        L("realistic: server CPU (% of one core)", r => r.RealisticCpu, "0");
        L("flat out: answers", r => r.FlatOutAnswers, "0");
        L("flat out: answers per second", r => r.AnswersPerSecond, "0");
        L("flat out: acknowledgement p50 (ms)", r => r.FlatOutAck.Percentile(50), "0.0");
        L("flat out: acknowledgement p95 (ms)", r => r.FlatOutAck.Percentile(95), "0.0");
        L("flat out: acknowledgement p99 (ms)", r => r.FlatOutAck.Percentile(99), "0.0");
        L("flat out: console latency p95 (ms)", r => r.FlatOutConsole.Percentile(95), "0.0");
        L("flat out: server CPU (% of one core)", r => r.FlatOutCpu, "0");
        L("paced: answers per second", r => r.PacedPerSecond, "0");
        L("paced: acknowledgement p50 (ms)", r => r.PacedAck.Percentile(50), "0.0");
        L("paced: acknowledgement p95 (ms)", r => r.PacedAck.Percentile(95), "0.0");
        L("paced: acknowledgement p99 (ms)", r => r.PacedAck.Percentile(99), "0.0");
        L("paced: server CPU (% of one core)", r => r.PacedCpu, "0");
        L("class votes", r => r.Votes, "0");
        L("vote acknowledgement p95 (ms)", r => r.VoteAck.Percentile(95), "0.0");
        L("pupils who dropped off and rejoined", r => r.Reconnects, "0");
        L("refusals", r => r.Refused, "0");
        L("resident memory with everyone connected (MB)", r => r.RssAtFullMb, "0");
        L("peak memory (MB)", r => r.PeakMb, "0");
        md.AppendLine();
        md.AppendLine($"Zero-lost check: {ours.AckedAnswers.Count:N0} answers acknowledged, {check.Stored:N0} answer events in Marten, **{check.Lost} lost**, {check.Duplicated} stored twice.");
        md.AppendLine();
        md.AppendLine($"| page (wrk, 2 threads, 16 connections, {o.HttpSeconds} s after {HttpBench.WarmUpSeconds} s unmeasured{(o.Nodes > 1 ? ", first node" : "")}) | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | errors |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var p in pages) md.AppendLine($"| {p.Page} `{Shorten(p.Path)}` | {p.RequestsPerSecond:N0} | {p.P50:0.00} | {p.P95:0.00} | {p.P99:0.00} | {p.Errors} |");
        md.AppendLine(end);

        var path = o.Out;
        var doc = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        doc = start < 0 || stop < 0 ? doc.TrimEnd('\n') + "\n\n" + md : doc[..start] + md.ToString().TrimEnd('\n') + doc[(stop + end.Length)..];
        File.WriteAllText(path, doc);

        var verdict = new StringBuilder();
        foreach (var (target, met, figure) in targets) verdict.AppendLine($"  {(met ? "met   " : "MISSED")} {target}: {figure}");
        return verdict.ToString();
    }

    static void Row(StringBuilder md, string what, double ours, double durable, double bare, string format) =>
        md.AppendLine($"| {what} | {ours.ToString(format)} | {durable.ToString(format)} | {Times(ours, durable)} | {bare.ToString(format)} | {Times(ours, bare)} |");

    static string Times(double ours, double baseline) => baseline > 0 ? (ours / baseline).ToString("0.00") + "×" : "–";

    static string Shorten(string path) => System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");

    static string Memory()
    {
        var total = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:"));
        return $"{double.Parse(total.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0]) / 1024 / 1024:0} GiB RAM";
    }
}
