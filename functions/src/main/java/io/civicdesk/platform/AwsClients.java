package io.civicdesk.platform;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients, built once per container. Region, credentials and endpoint all come from the SDK's own
 * configuration chain (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, aws.endpointUrlDynamoDb,
 * aws.endpointUrlCognitoIdentityProvider, ...), so the same code
 * runs against AWS, the local stack or any other emulator. The URL-connection HTTP client starts faster than
 * the Apache one, which matters more to a cold start than its throughput does here.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SesV2Client sesV2() {
        return SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Texts to phones (SNS Publish with a phone number; locally moto's SNS, aws.endpointUrlSns). */
    public static SnsClient sns() {
        return SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }
}
