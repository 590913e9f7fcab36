using System;
using Kernels.Cli.IO;
using Xunit;

namespace Kernels.Cli.Tests.IO;

/// <summary>The text form of a column selection, and its resolution against a file's columns.</summary>
public sealed class ColumnSelectionTests
{
    [Fact]
    public void ParsesNamesIndicesAndRangesInOrder()
    {
        ColumnSelection selection = ColumnSelections.Parse("p0,p1,3,5-9");

        Assert.Equal(
            new ColumnSelector[]
            {
                new ColumnSelector.Named("p0"),
                new ColumnSelector.Named("p1"),
                new ColumnSelector.Indices(3, 3),
                new ColumnSelector.Indices(5, 9),
            },
            selection.Selectors);
        Assert.False(selection.IsAll);
    }

    [Theory]
    [InlineData(" p0 , 2 ", "p0", 2)]
    [InlineData("a-b,0", "a-b", 0)]
    [InlineData("1st,7", "1st", 7)]
    [InlineData("-1,4", "-1", 4)]
    public void TrimsSpacesAndTakesAnythingButDigitsAndRangesAsAName(string text, string name, int index)
    {
        ColumnSelection selection = ColumnSelections.Parse(text);

        Assert.Equal(new ColumnSelector[] { new ColumnSelector.Named(name), new ColumnSelector.Indices(index, index) }, selection.Selectors);
    }

    [Theory]
    [InlineData("", "no columns")]
    [InlineData("  ", "no columns")]
    [InlineData("a,,b", "empty item")]
    [InlineData("a,", "empty item")]
    [InlineData("9-5", "backwards")]
    [InlineData("99999999999", "too large")]
    [InlineData("0-99999999999", "too large")]
    public void RejectsMalformedTextWithAClearMessage(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ColumnSelections.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvesAllToEveryColumn() =>
        Assert.Equal(new[] { 0, 1, 2 }, ColumnSelections.Resolve(ColumnSelection.All, "f.csv", 3, null, "has no header row"));

    [Fact]
    public void ResolvesNamesAndRangesInTheGivenOrderWithRepeats()
    {
        int[] columns = ColumnSelections.Resolve(ColumnSelections.Parse("c,0-1,c"), "f.csv", 3, new[] { "a", "b", "c" }, "has no header row");

        Assert.Equal(new[] { 2, 0, 1, 2 }, columns);
    }

    [Fact]
    public void AnUnknownNameListsTheAvailableNames()
    {
        var error = Assert.Throws<DataException>(() => ColumnSelections.Resolve(ColumnSelections.Parse("x"), "f.csv", 3, new[] { "a", "b", "c" }, "has no header row"));

        Assert.Contains("f.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"x\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("a, b, c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyNamesAreListedUpToTwenty()
    {
        string[] names = new string[30];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "n" + i;
        }

        var error = Assert.Throws<DataException>(() => ColumnSelections.Resolve(ColumnSelections.Parse("x"), "f.csv", 30, names, "has no header row"));

        Assert.Contains("n19, … (10 more)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("n20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithoutNamesSaysWhyAndSuggestsIndices()
    {
        var error = Assert.Throws<DataException>(() => ColumnSelections.Resolve(ColumnSelections.Parse("p0"), "f.csv", 10, null, "has no header row"));

        Assert.Contains("f.csv has no header row", error.Message, StringComparison.Ordinal);
        Assert.Contains("(0-9)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"p0\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3", "column 3 is out of range")]
    [InlineData("1-5", "column range 1-5 is out of range")]
    public void IndicesBeyondTheColumnsAreOutOfRange(string text, string expected)
    {
        var error = Assert.Throws<DataException>(() => ColumnSelections.Resolve(ColumnSelections.Parse(text), "f.csv", 3, null, "has no header row"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("3 columns (0-2)", error.Message, StringComparison.Ordinal);
    }
}
