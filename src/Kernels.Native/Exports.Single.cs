using System;
using System.Runtime.InteropServices;

namespace Kernels.Native;

// The float entry points of include/kernels.h. Exports.Double.cs is this file for double (keep the two in step).
// Every entry point: checks at the boundary, one call into the .NET API, the exception (if any) turned into a status
// and kernels_last_error()'s message. Nothing is allocated unless a call fails or asks for several threads.
internal static unsafe class SingleExports
{
    [UnmanagedCallersOnly(EntryPoint = "kernels_vector_f32")]
    public static int Vector(int measure, float* p, float* q, long n, NativeOptions* options, float* result)
    {
        try
        {
            Measure m = Boundary.MeasureOf(measure);
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.Length(n, nameof(n));
            int qLength = MeasureFacts.TakesOneInput(m) ? 0 : length;
            Boundary.RequireData(p, length, nameof(p));
            Boundary.RequireData(q, qLength, nameof(q));
            Boundary.RequireResult(result, nameof(result));
            if (MeasureFacts.IsJoint(m))
            {
                throw new ArgumentException($"measure is {m}, a measure of a joint table: call kernels_joint_f32 with its rows and columns.", nameof(measure));
            }

            *result = SingleTable.One(m, new ReadOnlySpan<float>(p, length), new ReadOnlySpan<float>(q, qLength), Boundary.BaseOf(o, m), o.Alpha, o.LabelSmoothing, o.Normalize != 0);
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_rows_f32")]
    public static int Rows(int measure, float* p, float* q, long rows, long columns, NativeOptions* options, float* destination)
    {
        try
        {
            Measure m = Boundary.MeasureOf(measure);
            NativeOptions o = Boundary.OptionsOf(options);
            int pLength = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(p));
            int qLength = MeasureFacts.TakesOneInput(m) ? 0 : Boundary.QLength(o, rows, columns);
            int count = Boundary.ToInt(rows, nameof(rows));
            Boundary.RequireData(p, pLength, nameof(p));
            Boundary.RequireData(q, qLength, nameof(q));
            Boundary.RequireData(destination, count, nameof(destination));
            SingleTable.Rows(m, new ReadOnlySpan<float>(p, pLength), new ReadOnlySpan<float>(q, qLength), (int)columns, new Span<float>(destination, count), Boundary.BaseOf(o, m), o.Alpha, o.LabelSmoothing, Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_rows_reduce_f32")]
    public static int RowsReduce(int measure, float* p, float* q, long rows, long columns, int reduction, NativeOptions* options, double* result)
    {
        try
        {
            Measure m = Boundary.MeasureOf(measure);
            NativeOptions o = Boundary.OptionsOf(options);
            int pLength = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(p));
            int qLength = MeasureFacts.TakesOneInput(m) ? 0 : Boundary.QLength(o, rows, columns);
            Boundary.RequireData(p, pLength, nameof(p));
            Boundary.RequireData(q, qLength, nameof(q));
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.Reduce(m, new ReadOnlySpan<float>(p, pLength), new ReadOnlySpan<float>(q, qLength), (int)columns, Boundary.ReductionOf(reduction), Boundary.BaseOf(o, m), o.Alpha, o.LabelSmoothing, Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_cross_entropy_classes_f32")]
    public static int Classes(int* targets, float* logits, long rows, long columns, NativeOptions* options, float* destination)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(logits));
            int count = Boundary.ToInt(rows, nameof(rows));
            Boundary.RequireData(targets, count, nameof(targets));
            Boundary.RequireData(logits, length, nameof(logits));
            Boundary.RequireData(destination, count, nameof(destination));
            SingleTable.Classes(new ReadOnlySpan<int>(targets, count), new ReadOnlySpan<float>(logits, length), (int)columns, new Span<float>(destination, count), Boundary.BaseOf(o, Measure.CrossEntropyFromLogits), o.LabelSmoothing, Boundary.IgnoreIndexOf(o), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_cross_entropy_classes_reduce_f32")]
    public static int ClassesReduce(int* targets, float* logits, long rows, long columns, int reduction, NativeOptions* options, double* result)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(logits));
            int count = Boundary.ToInt(rows, nameof(rows));
            Boundary.RequireData(targets, count, nameof(targets));
            Boundary.RequireData(logits, length, nameof(logits));
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.ClassesReduce(new ReadOnlySpan<int>(targets, count), new ReadOnlySpan<float>(logits, length), (int)columns, Boundary.ReductionOf(reduction), Boundary.BaseOf(o, Measure.CrossEntropyFromLogits), o.LabelSmoothing, Boundary.IgnoreIndexOf(o), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_cross_entropy_classes_weighted_f32")]
    public static int WeightedClasses(int* targets, float* logits, float* weights, long rows, long columns, NativeOptions* options, float* destination)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(logits));
            int count = Boundary.ToInt(rows, nameof(rows));
            int classes = Boundary.ToInt(columns, nameof(columns));
            Boundary.RequireData(targets, count, nameof(targets));
            Boundary.RequireData(logits, length, nameof(logits));
            Boundary.RequireData(weights, classes, nameof(weights));
            Boundary.RequireData(destination, count, nameof(destination));
            SingleTable.WeightedClasses(new ReadOnlySpan<int>(targets, count), new ReadOnlySpan<float>(logits, length), new ReadOnlySpan<float>(weights, classes), classes, new Span<float>(destination, count), Boundary.BaseOf(o, Measure.CrossEntropyFromLogits), o.LabelSmoothing, Boundary.IgnoreIndexOf(o), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_cross_entropy_classes_weighted_reduce_f32")]
    public static int WeightedClassesReduce(int* targets, float* logits, float* weights, long rows, long columns, int reduction, NativeOptions* options, double* result)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(logits));
            int count = Boundary.ToInt(rows, nameof(rows));
            int classes = Boundary.ToInt(columns, nameof(columns));
            Boundary.RequireData(targets, count, nameof(targets));
            Boundary.RequireData(logits, length, nameof(logits));
            Boundary.RequireData(weights, classes, nameof(weights));
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.WeightedClassesReduce(new ReadOnlySpan<int>(targets, count), new ReadOnlySpan<float>(logits, length), new ReadOnlySpan<float>(weights, classes), classes, Boundary.ReductionOf(reduction), Boundary.BaseOf(o, Measure.CrossEntropyFromLogits), o.LabelSmoothing, Boundary.IgnoreIndexOf(o), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_gaussian_pair_f32")]
    public static int GaussianPair(float* mean1, float* logVariance1, float* mean2, float* logVariance2, long n, NativeOptions* options, float* result)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.Length(n, nameof(n));
            Boundary.RequireData(mean1, length, nameof(mean1));
            Boundary.RequireData(logVariance1, length, "log_variance1");
            Boundary.RequireData(mean2, length, nameof(mean2));
            Boundary.RequireData(logVariance2, length, "log_variance2");
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.GaussianPair(new ReadOnlySpan<float>(mean1, length), new ReadOnlySpan<float>(logVariance1, length), new ReadOnlySpan<float>(mean2, length), new ReadOnlySpan<float>(logVariance2, length), Boundary.BaseOf(o, Measure.GaussianKullbackLeibler));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_gaussian_pair_rows_f32")]
    public static int GaussianPairRows(float* mean1, float* logVariance1, float* mean2, float* logVariance2, long rows, long columns, NativeOptions* options, float* destination)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(mean1));
            int count = Boundary.ToInt(rows, nameof(rows));
            Boundary.RequireData(mean1, length, nameof(mean1));
            Boundary.RequireData(logVariance1, length, "log_variance1");
            Boundary.RequireData(mean2, length, nameof(mean2));
            Boundary.RequireData(logVariance2, length, "log_variance2");
            Boundary.RequireData(destination, count, nameof(destination));
            SingleTable.GaussianPairRows(new ReadOnlySpan<float>(mean1, length), new ReadOnlySpan<float>(logVariance1, length), new ReadOnlySpan<float>(mean2, length), new ReadOnlySpan<float>(logVariance2, length), (int)columns, new Span<float>(destination, count), Boundary.BaseOf(o, Measure.GaussianKullbackLeibler), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_gaussian_pair_reduce_f32")]
    public static int GaussianPairReduce(float* mean1, float* logVariance1, float* mean2, float* logVariance2, long rows, long columns, int reduction, NativeOptions* options, double* result)
    {
        try
        {
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, o.PRowStride, nameof(mean1));
            Boundary.RequireData(mean1, length, nameof(mean1));
            Boundary.RequireData(logVariance1, length, "log_variance1");
            Boundary.RequireData(mean2, length, nameof(mean2));
            Boundary.RequireData(logVariance2, length, "log_variance2");
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.GaussianPairReduce(new ReadOnlySpan<float>(mean1, length), new ReadOnlySpan<float>(logVariance1, length), new ReadOnlySpan<float>(mean2, length), new ReadOnlySpan<float>(logVariance2, length), (int)columns, Boundary.ReductionOf(reduction), Boundary.BaseOf(o, Measure.GaussianKullbackLeibler), Boundary.BatchOptionsOf(o));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "kernels_joint_f32")]
    public static int Joint(int measure, float* joint, long rows, long columns, NativeOptions* options, float* result)
    {
        try
        {
            Measure m = Boundary.MeasureOf(measure);
            NativeOptions o = Boundary.OptionsOf(options);
            int length = Boundary.MatrixLength(rows, columns, 0, nameof(joint));
            Boundary.RequireData(joint, length, nameof(joint));
            Boundary.RequireResult(result, nameof(result));
            *result = SingleTable.Joint(m, new ReadOnlySpan<float>(joint, length), (int)columns, Boundary.BaseOf(o, m));
            return (int)Status.Ok;
        }
        catch (Exception e)
        {
            return (int)LastError.From(e);
        }
    }
}
