using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Kernels.Benchmarks;

/// <summary>
/// Writes what <c>compare --report DIR</c> measured as DIR/report.md (the run's machine and method, then one table per
/// measure and type: ns per element and relative error against n for every candidate) and four SVG plots drawn with
/// OxyPlot's managed SvgExporter: ns per element against n and relative error against n, for float and for double,
/// each a 2×2 grid of H, CE, KL and JS on log–log axes.
/// </summary>
internal static class Report
{
    private const double PanelWidth = 560;
    private const double PanelHeight = 400;
    private const double LegendHeight = 36;
    private const double LegendItemWidth = 130;

    /// <summary>Errors of exactly 0 (the result equals the reference rounded to double) are drawn at this floor, which
    /// a log axis can show.</summary>
    private const double ErrorFloor = 1e-18;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Plotted and tabulated in this order, each in its own colour in every plot.</summary>
    private static readonly (Candidate Candidate, OxyColor Color)[] Palette =
    [
        (Candidate.Kernels, OxyColor.FromRgb(0xd6, 0x27, 0x28)),
        (Candidate.TensorPrimitives, OxyColor.FromRgb(0x1f, 0x77, 0xb4)),
        (Candidate.ScalarLoop, OxyColor.FromRgb(0x7f, 0x7f, 0x7f)),
        (Candidate.GccOfast, OxyColor.FromRgb(0x2c, 0xa0, 0x2c)),
        (Candidate.SimSimd, OxyColor.FromRgb(0x94, 0x67, 0xbd)),
        (Candidate.Roofline, OxyColor.FromRgb(0x00, 0x00, 0x00)),
    ];

    /// <summary>Writes the report and its plots into <paramref name="directory"/> (created if needed); returns the
    /// report's path.</summary>
    public static string Write(string directory, string header, IReadOnlyList<CompareRow> rows, string footer)
    {
        Directory.CreateDirectory(directory);
        string[] types = rows.Select(r => r.Type).Distinct().ToArray();
        var text = new StringBuilder();
        text.Append(header);
        text.AppendLine("Regenerate (from the repository root, after `benchmarks/native/build.sh` for the native peers):");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(RegenerateCommand(directory));
        text.AppendLine("```");
        text.AppendLine();
        foreach (string type in types)
        {
            string time = $"time-{type}.svg", error = $"error-{type}.svg";
            File.WriteAllText(Path.Combine(directory, time), Grid(rows, type, PlotKind.Time));
            File.WriteAllText(Path.Combine(directory, error), Grid(rows, type, PlotKind.Error));
            text.AppendLine(Invariant, $"![ns per element against n, {type}]({time})");
            text.AppendLine();
            text.AppendLine(Invariant, $"![relative error against n, {type}]({error})");
            text.AppendLine();
        }

        text.AppendLine(Invariant, $"Errors of exactly 0 are drawn at {ErrorFloor:0E+0}; a NaN or infinite result is left out of the plot and written ∞ in the tables.");
        text.AppendLine();
        foreach (IGrouping<(Measure, string), CompareRow> group in rows.GroupBy(r => (r.Measure, r.Type)).OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            text.Append(MeasureTable(group.Key.Item1, group.Key.Item2, group.OrderBy(r => r.N).ToArray()));
        }

        text.Append(footer);
        string path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The one-line command that regenerates the report in <paramref name="directory"/>.</summary>
    public static string RegenerateCommand(string directory) =>
        $"DOTNET_TieredCompilation=0 dotnet run -c Release --project benchmarks/Kernels.Benchmarks -- compare --report {directory}";

    private enum PlotKind { Time, Error }

    private static string MeasureTable(Measure measure, string type, CompareRow[] rows)
    {
        Candidate[] present = Palette.Select(p => p.Candidate).Where(c => rows.Any(r => r.NsPerElement.ContainsKey(c))).ToArray();
        Candidate[] rated = present.Where(c => c != Candidate.Roofline).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"### {Compare.Name(measure)}, {type}");
        text.AppendLine();
        text.Append("| n |");
        foreach (Candidate c in present)
        {
            text.Append(Invariant, $" {NativePeers.Name(c)} ns |");
        }

        text.Append(" TP/ours |");
        foreach (Candidate c in rated)
        {
            text.Append(Invariant, $" {NativePeers.Name(c)} rel.err |");
        }

        text.AppendLine();
        text.AppendLine("|---:|" + string.Concat(Enumerable.Repeat("---:|", present.Length + 1 + rated.Length)));
        foreach (CompareRow row in rows)
        {
            text.Append(Invariant, $"| {row.N:N0} |");
            foreach (Candidate c in present)
            {
                text.Append(row.NsPerElement.TryGetValue(c, out Sample s) ? string.Create(Invariant, $" {s.Median:F3} |") : " |");
            }

            double ours = row.NsPerElement[Candidate.Kernels].Median;
            text.Append(row.NsPerElement.TryGetValue(Candidate.TensorPrimitives, out Sample tp) ? string.Create(Invariant, $" {tp.Median / ours:F2}× |") : " |");
            foreach (Candidate c in rated)
            {
                text.Append(row.RelativeError.TryGetValue(c, out double e) ? $" {Compare.Scientific(e)} |" : " |");
            }

            text.AppendLine();
        }

        text.AppendLine();
        return text.ToString();
    }

    /// <summary>One SVG document holding a 2×2 grid of panels, one per measure, each exported by OxyPlot and nested as
    /// an inner &lt;svg&gt; at its place.</summary>
    private static string Grid(IReadOnlyList<CompareRow> rows, string type, PlotKind kind)
    {
        Measure[] measures = rows.Where(r => r.Type == type).Select(r => r.Measure).Distinct().Order().ToArray();
        int columns = 2, gridRows = (measures.Length + 1) / 2;
        Candidate[] shown = Palette.Select(p => p.Candidate)
            .Where(c => (kind == PlotKind.Time || c != Candidate.Roofline) && rows.Any(r => r.Type == type && r.NsPerElement.ContainsKey(c)))
            .ToArray();
        double width = columns * PanelWidth, height = LegendHeight + (gridRows * PanelHeight);
        var svg = new StringBuilder();
        svg.AppendLine(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(Legend(shown, width));
        for (int i = 0; i < measures.Length; i++)
        {
            PlotModel model = Panel(rows.Where(r => r.Type == type && r.Measure == measures[i]).OrderBy(r => r.N).ToArray(), measures[i], type, kind);
            svg.AppendLine(Nested(Export(model), i, (i % columns) * PanelWidth, LegendHeight + ((i / columns) * PanelHeight)));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>One legend for the whole grid, in a strip above it: a line in each candidate's colour and style, then
    /// its name, at fixed spacing (OxyPlot's own legends measure text narrower than browsers draw it).</summary>
    private static string Legend(Candidate[] shown, double width)
    {
        var svg = new StringBuilder();
        double x = (width - (shown.Length * LegendItemWidth)) / 2, y = LegendHeight / 2;
        foreach (Candidate candidate in shown)
        {
            OxyColor color = Palette.First(p => p.Candidate == candidate).Color;
            string dash = candidate == Candidate.Roofline ? " stroke-dasharray=\"6,3\"" : "";
            double stroke = candidate == Candidate.Kernels ? 2.5 : 1.5;
            svg.AppendLine(Invariant, $"<line x1=\"{x:F0}\" y1=\"{y:F0}\" x2=\"{x + 28:F0}\" y2=\"{y:F0}\" stroke=\"rgb({color.R},{color.G},{color.B})\" stroke-width=\"{stroke}\"{dash}/>");
            svg.AppendLine(Invariant, $"<text x=\"{x + 34:F0}\" y=\"{y + 5:F0}\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"14\">{NativePeers.Name(candidate)}</text>");
            x += LegendItemWidth;
        }

        return svg.ToString();
    }

    // The vertical-alignment workaround positions text by offsets instead of dominant-baseline, which not every SVG
    // renderer honours (rsvg-convert does not).
    private static string Export(PlotModel model)
    {
        var exporter = new SvgExporter { Width = PanelWidth, Height = PanelHeight, IsDocument = false, UseVerticalTextAlignmentWorkaround = true };
        using var stream = new MemoryStream();
        exporter.Export(model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An exported panel as an element of the grid: its XML declaration dropped, placed at (x, y), and its
    /// clip-path ids (clipPath1, ... in every panel) prefixed so that they stay unique in the document.</summary>
    private static string Nested(string panel, int index, double x, double y)
    {
        string element = panel[panel.IndexOf("<svg ", StringComparison.Ordinal)..];
        return element
            .Replace("<svg ", string.Create(Invariant, $"<svg x=\"{x}\" y=\"{y}\" "), StringComparison.Ordinal)
            .Replace("id=\"clipPath", string.Create(Invariant, $"id=\"panel{index}-clipPath"), StringComparison.Ordinal)
            .Replace("url(#clipPath", string.Create(Invariant, $"url(#panel{index}-clipPath"), StringComparison.Ordinal);
    }

    private static PlotModel Panel(CompareRow[] rows, Measure measure, string type, PlotKind kind)
    {
        var model = new PlotModel
        {
            Title = kind == PlotKind.Time ? $"{Compare.Name(measure)}, {type}: ns per element" : $"{Compare.Name(measure)}, {type}: relative error",
            TitleFontSize = 14,
            DefaultFont = "Arial",
            Background = OxyColors.White,
        };
        model.Axes.Add(new LogarithmicAxis
        {
            Position = AxisPosition.Bottom,
            Title = "n (elements)",
            Base = 10,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = OxyColor.FromAColor(40, OxyColors.Black),
            StringFormat = "0E+0",
            AxisTitleDistance = 8,
        });
        model.Axes.Add(new LogarithmicAxis
        {
            Position = AxisPosition.Left,
            Title = kind == PlotKind.Time ? "ns per element (lower is better)" : "|result − reference| / reference",
            Base = 10,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = OxyColor.FromAColor(40, OxyColors.Black),
            StringFormat = kind == PlotKind.Time ? "0.###" : "0E+0",
            AxisTitleDistance = 16,
        });

        foreach ((Candidate candidate, OxyColor color) in Palette)
        {
            if (kind == PlotKind.Error && candidate == Candidate.Roofline)
            {
                continue;
            }

            var series = new LineSeries
            {
                Title = NativePeers.Name(candidate),
                Color = color,
                StrokeThickness = candidate == Candidate.Kernels ? 2.5 : 1.5,
                LineStyle = candidate == Candidate.Roofline ? LineStyle.Dash : LineStyle.Solid,
                MarkerType = candidate == Candidate.Roofline ? MarkerType.None : MarkerType.Circle,
                MarkerSize = 3,
                MarkerFill = color,
            };
            foreach (CompareRow row in rows)
            {
                double? y = kind == PlotKind.Time
                    ? row.NsPerElement.TryGetValue(candidate, out Sample s) ? s.Median : null
                    : row.RelativeError.TryGetValue(candidate, out double e) && double.IsFinite(e) ? Math.Max(e, ErrorFloor) : null;
                if (y is { } value)
                {
                    series.Points.Add(new DataPoint(row.N, value));
                }
            }

            if (series.Points.Count > 0)
            {
                model.Series.Add(series);
            }
        }

        return model;
    }
}
