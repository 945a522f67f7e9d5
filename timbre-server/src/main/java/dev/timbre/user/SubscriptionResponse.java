package dev.timbre.user;

import java.util.List;

/**
 * {@code ExtendedSubscriptionResponseModel} (a superset of {@code SubscriptionResponseModel}), also used inside
 * {@code GET /v1/user}. {@code max_credit_limit_extension} and {@code open_invoices} are not in the OpenAPI document
 * but newer official SDKs require them; {@code current_overage} is left out on purpose (the SDK parses its amount
 * strictly and there is never an overage here).
 */
public record SubscriptionResponse(
        String tier,
        long characterCount,
        long characterLimit,
        Long maxCharacterLimitExtension,
        long maxCreditLimitExtension,
        boolean canExtendCharacterLimit,
        boolean allowedToExtendCharacterLimit,
        Long nextCharacterCountResetUnix,
        int voiceSlotsUsed,
        int professionalVoiceSlotsUsed,
        int voiceLimit,
        Integer maxVoiceAddEdits,
        int voiceAddEditCounter,
        int professionalVoiceLimit,
        boolean canExtendVoiceLimit,
        boolean canUseInstantVoiceCloning,
        boolean canUseProfessionalVoiceCloning,
        String currency,
        String status,
        String billingPeriod,
        String characterRefreshPeriod,
        Object nextInvoice,
        List<Object> openInvoices,
        boolean hasOpenInvoices,
        Object pendingChange) {}
