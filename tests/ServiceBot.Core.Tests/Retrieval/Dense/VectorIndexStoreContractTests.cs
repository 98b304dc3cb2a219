using ServiceBot.Retrieval.Dense;

namespace ServiceBot.Tests.Retrieval.Dense;

public sealed class VectorIndexStoreContractTests
{
    private static IVectorStore NewStore() => new VectorIndex(VectorStoreContract.Dimensions);

    [Fact]
    public Task Search_RandomData_MatchesBruteForceRanking() => VectorStoreContract.Search_RandomData_MatchesBruteForceRanking(NewStore());

    [Fact]
    public Task Search_EmptyStore_ReturnsNothing() => VectorStoreContract.Search_EmptyStore_ReturnsNothing(NewStore());

    [Fact]
    public Task Search_NonAsciiIds_ComeBackUnchanged() => VectorStoreContract.Search_NonAsciiIds_ComeBackUnchanged(NewStore());

    [Fact]
    public Task Add_WrongDimensions_Throws() => VectorStoreContract.Add_WrongDimensions_Throws(NewStore());
}
