using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using ServiceBot.Conversation;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Storage;

public sealed class StateJsonTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T10:00:00+08:00");

    private readonly DataProtectionStateProtector _protector = new(new EphemeralDataProtectionProvider());

    private static ConversationState State()
    {
        var state = new ConversationState { ConversationId = "c-1", UserId = "u-1", Channel = "api", CreatedAt = Now, UpdatedAt = Now, OfferedTask = "fund_withdrawal" };
        state.Remember("骑手的休息权有保障吗？", "> 劳动者享有休息休假的权利。<br> & “引号”", Now);
        return state;
    }

    [Fact]
    public void ReadState_WhatProtectedWrote_SameState()
    {
        var stored = _protector.ProtectUtf8(StateJson.Utf8(State()));

        var read = StateJson.ParseState(StateJson.Unprotect(stored, _protector))!;

        Assert.Equal("c-1", read.ConversationId);
        Assert.Equal("fund_withdrawal", read.OfferedTask);
        Assert.Equal(State().History, read.History);
    }

    [Fact]
    public void Protected_ChineseText_StoredUnescapedButHtmlCharactersEscaped()
    {
        var json = Encoding.UTF8.GetString(_protector.UnprotectUtf8(_protector.ProtectUtf8(StateJson.Utf8(State()))));

        Assert.Contains("骑手的休息权有保障吗？", json);
        Assert.DoesNotContain("<br>", json);
    }

    [Fact]
    public void ReadState_RowWrittenWithEscapedJsonAsAString_SameState()
    {
        // Rows written before: the default web options (every non-ASCII character escaped), protected as a string.
        var escaped = JsonSerializer.Serialize(State(), new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } });
        Assert.Contains("\\u9A91", escaped, StringComparison.OrdinalIgnoreCase);

        var read = StateJson.ParseState(StateJson.Unprotect(_protector.Protect(escaped), _protector))!;

        Assert.Equal(State().History, read.History);
    }

    [Fact]
    public void ReadReply_WhatProtectedWrote_SameReply()
    {
        var reply = new Reply("c-1", "您好，请问要办理什么？", [], ["公积金提取"], Task: null, Handoff: false);

        var read = StateJson.ReadReply(_protector.ProtectUtf8(StateJson.Utf8(reply)), _protector)!;

        Assert.Equal(reply.Markdown, read.Markdown);
        Assert.Equal(reply.Suggestions, read.Suggestions);
    }
}
