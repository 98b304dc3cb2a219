namespace ServiceBot.Cli.Tests.Commands;

/// <summary>A small knowledge folder the CLI tests answer from: a housing-fund policy and its dictionary.</summary>
internal static class FundPolicyKnowledge
{
    /// <summary>Writes the folder under <paramref name="folder"/> and returns its path; <paramref name="moreSections"/> is appended to the policy.</summary>
    public static string Write(TempFolder folder, string moreSections = "")
    {
        folder.Write("knowledge/policies/fund.md",
            "---\ntitle: 住房公积金提取办法\ndate: 2024-05-01\ntype: policy\n---\n\n# 住房公积金提取办法\n\n## 一、提取条件\n\n" +
            "(一)租房提取。职工连续足额缴存住房公积金满3个月，本人及配偶在缴存城市无自有住房且租赁住房的，可以提取住房公积金支付房租。\n\n" +
            "(二)退休提取。职工离休、退休的，可以提取住房公积金账户内的存储余额。\n" + moreSections);
        folder.Write("knowledge/dictionary/terms.txt", "住房公积金 3000 n\n");
        folder.Write("knowledge/dictionary/synonyms.txt", "住房公积金,公积金\n租金,房租\n");
        return Path.Combine(folder.Path, "knowledge");
    }
}
