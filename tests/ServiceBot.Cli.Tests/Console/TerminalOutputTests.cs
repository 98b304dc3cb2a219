namespace ServiceBot.Cli.Tests.Console;

public sealed class TerminalOutputTests
{
    private static string Render(string markdown)
    {
        var output = new StringWriter();
        new TerminalOutput(new CliConsole(output, new StringWriter())).Markdown(markdown);
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Markdown_BoldListsAndQuotes_RenderedWithoutRawMarkup()
    {
        var text = Render("""
            好的，我来帮您办理**住房公积金提取**。

            所需材料：
            - 身份证
            - 银行卡

            1. 提交申请
            2. 等待审核

            > 职工有下列情形之一的，可以提取住房公积金：
            > （一）租赁自住住房。

            ——《住房公积金管理条例》第二十四条
            """);

        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("> ", text);
        Assert.Contains("好的，我来帮您办理住房公积金提取。", text);
        Assert.Contains("• 身份证\n• 银行卡", text);
        Assert.Contains("1. 提交申请\n2. 等待审核", text);
        Assert.Contains("│ 职工有下列情形之一的，可以提取住房公积金：", text);
        Assert.Contains("│ （一）租赁自住住房。", text);
    }

    [Fact]
    public void Markdown_EscapesAndBrackets_ShownAsText()
    {
        var text = Render(@"身份证 1304\*\*\*\*\*\*\*\*\*\*4510，见 [bold]条款[/] 与 [官网](https://www.gov.cn/)");

        Assert.Contains("身份证 1304**********4510，见 [bold]条款[/] 与 官网 (https://www.gov.cn/)", text);
    }

    [Fact]
    public void Markdown_LongLineOnRedirectedOutput_NotWrapped()
    {
        var line = string.Concat(Enumerable.Repeat("政务服务便民热线", 40));

        Assert.Equal(line + "\n", Render(line));
    }
}
