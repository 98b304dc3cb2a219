using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace ServiceBot.Backend;

public sealed class MarketRegulationPlugin(MarketRegulationClient client)
{
    [SideEffect]
    [KernelFunction, Description("Books an appointment for the establishment registration of a foreign-invested enterprise (外商投资企业设立登记预约) and returns a ticket number, or the reason it was refused.")]
    public Task<SubmissionResult> BookForeignEnterpriseRegistrationAsync(
        [Description("the foreign investor's passport number, e.g. PK1234567")] string passport,
        [Description("name of the enterprise to register, e.g. 义乌环球贸易有限公司")] string companyName,
        [Description("business scope, e.g. 日用百货进出口")] string businessScope,
        [Description("registered capital as amount and ISO 4217 code, e.g. 500000 USD")] string registeredCapital,
        [Description("appointment day, ISO date on a working day")] string appointmentDate,
        [Description("11-digit mobile number")] string phone,
        [Description("key that identifies this one submission; the same key never submits twice")] string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.BookForeignEnterpriseRegistrationAsync(
            new ForeignEnterpriseAppointment(passport, companyName, businessScope, registeredCapital, appointmentDate, phone), idempotencyKey, cancellationToken);
}
