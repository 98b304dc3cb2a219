using Microsoft.SemanticKernel;
using ServiceBot.Llm;

namespace ServiceBot.Core.Tests.Llm;

public sealed class PromptLibraryTests
{
    [Fact]
    public async Task RenderAsync_GroundedAnswer_FillsVariablesVerbatim()
    {
        var text = await LlmTestSupport.Prompts.RenderAsync(PromptNames.GroundedAnswer,
            new KernelArguments { ["question"] = "A<b>&\"问", ["clauses"] = "[1] 《办法》第一条\n条文", ["language"] = "English" });

        Assert.Contains("用户问题：A<b>&\"问", text, StringComparison.Ordinal);
        Assert.Contains("[1] 《办法》第一条\n条文", text);
        Assert.Contains("用户使用的语言：English", text);
        Assert.DoesNotContain("{{$", text);
    }

    [Fact]
    public void Constructor_EveryPrompt_HasItsDeclaredVariablesInTheTemplate()
    {
        foreach (var name in PromptNames.All)
        {
            var config = LlmTestSupport.Prompts.Configs[name];
            foreach (var variable in config.InputVariables)
                Assert.Contains("{{$" + variable.Name + "}}", config.Template);
        }
    }

    [Fact]
    public void Constructor_MissingPrompt_Throws()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            Assert.Throws<FileNotFoundException>(() => new PromptLibrary(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
