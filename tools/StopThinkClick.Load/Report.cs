using System.Text;
using StopThinkClick.Curriculum.Model;

namespace StopThinkClick.Load;

/// <summary>
/// Writes the run's figures into docs/performance.md between two markers, leaving the hand-written
/// analysis around them alone, and returns the targets met and missed.
/// </summary>
static class Report
{
    const string Begin = "<!-- bench:begin (written by ./stc bench; do not edit by hand) -->";
    const string End = "<!-- bench:end -->";

    public static string Write(Options o, LiveResults ours, LiveResults bare, IReadOnlyList<PageResult> pages, (int Stored, int Lost, int Duplicated) check, Quiz quiz)
    {
        var pupils = o.Classrooms * o.Pupils;
        var ratio = ours.RealisticConsole.Percentile(95) / bare.RealisticConsole.Percentile(95);
        var lesson = pages[0];
        (string Target, bool Met, string Figure)[] targets =
        [
            ($"{pupils:N0} pupils connected in {o.Classrooms} live sessions", ours.ConnectionsHeld >= pupils + o.Classrooms, $"{ours.ConnectionsHeld:N0} connections held"),
            ("Every acknowledged answer persisted", check.Lost == 0 && check.Duplicated == 0, $"{ours.AckedAnswers.Count:N0} acknowledged, {check.Lost} lost, {check.Duplicated} duplicated"),
            ("Console latency p95 ≤ 50 ms (realistic)", ours.RealisticConsole.Percentile(95) <= 50, $"{ours.RealisticConsole.Percentile(95):0.0} ms"),
            ("Console latency p99 ≤ 150 ms (realistic)", ours.RealisticConsole.Percentile(99) <= 150, $"{ours.RealisticConsole.Percentile(99):0.0} ms"),
            ("Console p95 within 1.5× the bare hub's", ratio <= 1.5, $"{ratio:0.00}×"),
            ("≥ 2,000 answers persisted per second (flat out)", ours.AnswersPerSecond >= 2000, $"{ours.AnswersPerSecond:N0}/s"),
            ("Flat-out acknowledgement p95 ≤ 100 ms", ours.FlatOutAck.Percentile(95) <= 100, $"{ours.FlatOutAck.Percentile(95):0.0} ms"),
            ("Paced at 2,000 answers/s: acknowledgement p95 ≤ 100 ms", ours.PacedAck.Percentile(95) <= 100, $"{ours.PacedPerSecond:N0}/s, p95 {ours.PacedAck.Percentile(95):0.0} ms"),
            ("Lesson page ≥ 2,000 requests/s", lesson.RequestsPerSecond >= 2000, $"{lesson.RequestsPerSecond:N0} req/s"),
            ("Lesson page p95 ≤ 10 ms", lesson.P95 <= 10, $"{lesson.P95:0.00} ms"),
            ("App peak memory ≤ 512 MB", ours.PeakMb <= 512, $"{ours.PeakMb:0} MB"),
        ];

        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine($"Run on {DateTime.Now:yyyy-MM-dd HH:mm} ({Environment.ProcessorCount} cores, {Memory()}); " +
                      $"`./stc bench --classrooms {o.Classrooms} --pupils {o.Pupils} --realistic {o.RealisticSeconds} --interval {o.IntervalSeconds}`. " +
                      $"Quiz: *{quiz.Title}* ({quiz.Questions.Count} questions).");
        md.AppendLine();
        md.AppendLine("| target | met | figure |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var (target, met, figure) in targets) md.AppendLine($"| {target} | {(met ? "yes" : "**no**")} | {figure} |");
        md.AppendLine();
        md.AppendLine("| live load | StopThinkClick | bare hub | ratio |");
        md.AppendLine("| --- | --- | --- | --- |");
        Row(md, "connections held", ours.ConnectionsHeld, bare.ConnectionsHeld, "0");
        Row(md, "time to connect and join everyone (s)", ours.ConnectSeconds, bare.ConnectSeconds, "0.0");
        Row(md, "realistic: answers", ours.RealisticAnswers, bare.RealisticAnswers, "0");
        Row(md, "realistic: console latency p50 (ms)", ours.RealisticConsole.Percentile(50), bare.RealisticConsole.Percentile(50), "0.0");
        Row(md, "realistic: console latency p95 (ms)", ours.RealisticConsole.Percentile(95), bare.RealisticConsole.Percentile(95), "0.0");
        Row(md, "realistic: console latency p99 (ms)", ours.RealisticConsole.Percentile(99), bare.RealisticConsole.Percentile(99), "0.0");
        Row(md, "realistic: acknowledgement p95 (ms)", ours.RealisticAck.Percentile(95), bare.RealisticAck.Percentile(95), "0.0");
        Row(md, "realistic: server CPU (% of one core)", ours.RealisticCpu, bare.RealisticCpu, "0");
        Row(md, "flat out: answers", ours.FlatOutAnswers, bare.FlatOutAnswers, "0");
        Row(md, "flat out: answers per second", ours.AnswersPerSecond, bare.AnswersPerSecond, "0");
        Row(md, "flat out: acknowledgement p50 (ms)", ours.FlatOutAck.Percentile(50), bare.FlatOutAck.Percentile(50), "0.0");
        Row(md, "flat out: acknowledgement p95 (ms)", ours.FlatOutAck.Percentile(95), bare.FlatOutAck.Percentile(95), "0.0");
        Row(md, "flat out: acknowledgement p99 (ms)", ours.FlatOutAck.Percentile(99), bare.FlatOutAck.Percentile(99), "0.0");
        Row(md, "flat out: console latency p95 (ms)", ours.FlatOutConsole.Percentile(95), bare.FlatOutConsole.Percentile(95), "0.0");
        Row(md, "flat out: server CPU (% of one core)", ours.FlatOutCpu, bare.FlatOutCpu, "0");
        Row(md, "paced: answers per second", ours.PacedPerSecond, bare.PacedPerSecond, "0");
        Row(md, "paced: acknowledgement p50 (ms)", ours.PacedAck.Percentile(50), bare.PacedAck.Percentile(50), "0.0");
        Row(md, "paced: acknowledgement p95 (ms)", ours.PacedAck.Percentile(95), bare.PacedAck.Percentile(95), "0.0");
        Row(md, "paced: acknowledgement p99 (ms)", ours.PacedAck.Percentile(99), bare.PacedAck.Percentile(99), "0.0");
        Row(md, "paced: server CPU (% of one core)", ours.PacedCpu, bare.PacedCpu, "0");
        Row(md, "class votes", ours.Votes, bare.Votes, "0");
        Row(md, "vote acknowledgement p95 (ms)", ours.VoteAck.Percentile(95), bare.VoteAck.Percentile(95), "0.0");
        Row(md, "pupils who dropped off and rejoined", ours.Reconnects, bare.Reconnects, "0");
        Row(md, "refusals", ours.Refused, bare.Refused, "0");
        Row(md, "resident memory with everyone connected (MB)", ours.RssAtFullMb, bare.RssAtFullMb, "0");
        Row(md, "peak memory (MB)", ours.PeakMb, bare.PeakMb, "0");
        md.AppendLine();
        md.AppendLine($"Zero-lost check: {ours.AckedAnswers.Count:N0} answers acknowledged, {check.Stored:N0} answer events in Marten, **{check.Lost} lost**, {check.Duplicated} stored twice.");
        md.AppendLine();
        md.AppendLine($"| page (wrk, 2 threads, 16 connections, {o.HttpSeconds} s) | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | errors |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var p in pages) md.AppendLine($"| {p.Page} `{Shorten(p.Path)}` | {p.RequestsPerSecond:N0} | {p.P50:0.00} | {p.P95:0.00} | {p.P99:0.00} | {p.Errors} |");
        md.AppendLine(End);

        var path = o.Out;
        var doc = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n" + Begin + "\n" + End + "\n";
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        doc = start < 0 || end < 0 ? doc + "\n" + md : doc[..start] + md.ToString().TrimEnd('\n') + doc[(end + End.Length)..];
        File.WriteAllText(path, doc);

        var verdict = new StringBuilder();
        foreach (var (target, met, figure) in targets) verdict.AppendLine($"  {(met ? "met   " : "MISSED")} {target}: {figure}");
        return verdict.ToString();
    }

    static void Row(StringBuilder md, string what, double ours, double bare, string format) =>
        md.AppendLine($"| {what} | {ours.ToString(format)} | {bare.ToString(format)} | {(bare > 0 ? (ours / bare).ToString("0.00") + "×" : "–")} |");

    static string Shorten(string path) => System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");

    static string Memory()
    {
        var total = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:"));
        return $"{double.Parse(total.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0]) / 1024 / 1024:0} GiB RAM";
    }
}
