import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';

/** The one origin's id (CDK would derive a long one from the construct path). */
const ORIGIN_ID = 'api';

/**
 * Props of {@link CdnDistribution}.
 *
 * @public
 */
export interface CdnDistributionProps {
  /** The origin: the load balancer or the HTTP API. */
  readonly origin: cloudfront.IOrigin;
  /** Description shown in the CloudFront console. */
  readonly comment: string;
}

/**
 * A CloudFront distribution in front of the API: HTTPS on the default `*.cloudfront.net`
 * domain (no hosted zone lookup, no certificate), all methods, no caching, every viewer header
 * but `Host` forwarded, edge locations in North America and Europe only.
 *
 * @public
 */
export class CdnDistribution extends Construct {
  /** The distribution. */
  readonly distribution: cloudfront.Distribution;
  /** `https://{domain}`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: CdnDistributionProps) {
    super(scope, id);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: props.comment,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: props.origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy:
          cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
  }

  /** An origin for an Application Load Balancer reached over HTTP. */
  static loadBalancerOrigin(
    loadBalancer: ConstructorParameters<typeof origins.LoadBalancerV2Origin>[0],
  ): cloudfront.IOrigin {
    return new origins.LoadBalancerV2Origin(loadBalancer, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      originId: ORIGIN_ID,
    });
  }

  /** An origin for an API Gateway host name reached over HTTPS. */
  static httpsOrigin(domainName: string): cloudfront.IOrigin {
    return new origins.HttpOrigin(domainName, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originId: ORIGIN_ID,
    });
  }
}
