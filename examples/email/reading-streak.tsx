import { Body, Button, Container, Html, Preview, Text } from "@react-email/components";

interface ReadingStreakProps {
  firstName: string;
  guideViewCount: number;
}

export const ReadingStreakEmail = ({ firstName, guideViewCount }: ReadingStreakProps) => {
  const previewText = `${firstName}, your next chapter is ready`;

  return (
    <Html>
      <Preview>{previewText}</Preview>
      <Body style={{ fontFamily: "sans-serif" }}>
        <Container>
          <Text>Hi {firstName},</Text>
          <Text>
            You've opened this guide {guideViewCount} times. Only 2 spots left in the live workshop!
          </Text>
          <Button href="https://example.com/workshop">Save my spot</Button>
        </Container>
      </Body>
    </Html>
  );
};

ReadingStreakEmail.PreviewProps = { firstName: "Ada", guideViewCount: 7 } as ReadingStreakProps;

export default ReadingStreakEmail;
