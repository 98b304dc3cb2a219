namespace ServiceBot.Understanding.Intents;

/// <summary>
/// Multinomial logistic regression on sparse vectors, trained by SGD in a fixed shuffled order so the
/// same data gives the same model on every start.
/// </summary>
public sealed class SoftmaxRegression
{
    private readonly float[][] _weights;
    private readonly float[] _bias;

    private SoftmaxRegression(float[][] weights, float[] bias)
    {
        _weights = weights;
        _bias = bias;
    }

    public int ClassCount => _bias.Length;

    public static SoftmaxRegression Train(IReadOnlyList<SparseVector> inputs, IReadOnlyList<int> labels, int classCount, int dimension,
        int epochs = 20, float learningRate = 1.0f, float l2 = 1e-4f, int seed = 17)
    {
        var weights = Enumerable.Range(0, classCount).Select(_ => new float[dimension]).ToArray();
        var bias = new float[classCount];
        var model = new SoftmaxRegression(weights, bias);
        var order = Enumerable.Range(0, inputs.Count).ToArray();
        var random = new Random(seed);
        var probabilities = new double[classCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = learningRate / (1 + epoch * 0.1f);
            var decay = 1 - rate * l2;
            foreach (var n in order)
            {
                var x = inputs[n];
                model.Probabilities(x, probabilities);
                for (var c = 0; c < classCount; c++)
                {
                    var gradient = (float)(probabilities[c] - (labels[n] == c ? 1 : 0));
                    var row = weights[c];
                    for (var k = 0; k < x.Indices.Length; k++)
                        row[x.Indices[k]] = row[x.Indices[k]] * decay - rate * gradient * x.Values[k];
                    bias[c] -= rate * gradient * 0.1f;
                }
            }
        }
        return model;
    }

    public double[] Probabilities(SparseVector x)
    {
        var result = new double[ClassCount];
        Probabilities(x, result);
        return result;
    }

    private void Probabilities(SparseVector x, double[] result)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < _bias.Length; c++)
        {
            double score = _bias[c];
            var row = _weights[c];
            for (var k = 0; k < x.Indices.Length; k++) score += row[x.Indices[k]] * x.Values[k];
            result[c] = score;
            if (score > max) max = score;
        }
        double sum = 0;
        for (var c = 0; c < result.Length; c++) sum += result[c] = Math.Exp(result[c] - max);
        for (var c = 0; c < result.Length; c++) result[c] /= sum;
    }
}
