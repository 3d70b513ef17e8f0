/**
 * A unit's reminder channels (催办渠道): e-mail, and a DingTalk-style group robot webhook with its
 * signing secret (write-only: the server only says whether one is set). Office or the unit's admin.
 */
import { Alert, App, Button, Checkbox, Form, Input, Space } from 'antd';
import { errorMessage } from '../api/client.ts';
import { units as unitsApi } from '../api/endpoints.ts';
import { t } from '../i18n/index.ts';
import { useLoad } from './useLoad.ts';

interface ChannelValues {
  email: string;
  emailEnabled: boolean;
  webhookUrl: string;
  webhookSecret: string;
  webhookEnabled: boolean;
}

export function ChannelsForm({ unitId }: { unitId: number }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelValues>();
  const channels = useLoad(() => unitsApi.channels(unitId), [unitId]);
  const c = channels.data;

  const save = async () => {
    const v = await form.validateFields();
    const secret = v.webhookSecret?.trim();
    try {
      const saved = await unitsApi.setChannels(unitId, {
        email: v.email?.trim() || null,
        emailEnabled: !!v.emailEnabled,
        webhookUrl: v.webhookUrl?.trim() || null,
        ...(secret ? { webhookSecret: secret } : {}),
        webhookEnabled: !!v.webhookEnabled,
      });
      channels.setData(saved);
      form.setFieldValue('webhookSecret', '');
      message.success(t.units.channelsSaved);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (channels.error) return <Alert type="error" showIcon title={channels.error} />;
  if (!c) return null;
  return (
    <Form
      form={form}
      layout="vertical"
      name={`channels-${unitId}`}
      initialValues={{ email: c.email ?? '', emailEnabled: c.emailEnabled, webhookUrl: c.webhookUrl ?? '', webhookSecret: '', webhookEnabled: c.webhookEnabled }}
    >
      {!c.emailAvailable && <Alert type="info" showIcon title={t.units.emailUnavailable} style={{ marginBottom: 12 }} />}
      <Space style={{ display: 'flex' }} align="end" wrap>
        <Form.Item name="email" label={t.units.email} rules={[{ type: 'email' }]}><Input style={{ width: 300 }} /></Form.Item>
        <Form.Item name="emailEnabled" valuePropName="checked"><Checkbox>{t.units.emailEnabled}</Checkbox></Form.Item>
      </Space>
      <Form.Item name="webhookUrl" label={t.units.webhookUrl} rules={[{ type: 'url' }]}><Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" /></Form.Item>
      <Space style={{ display: 'flex' }} align="end" wrap>
        <Form.Item name="webhookSecret" label={t.units.webhookSecret} extra={c.webhookSecretSet ? t.units.secretSet : undefined}>
          <Input.Password style={{ width: 300 }} autoComplete="off" placeholder={c.webhookSecretSet ? '••••••••' : 'SEC…'} />
        </Form.Item>
        <Form.Item name="webhookEnabled" valuePropName="checked"><Checkbox>{t.units.webhookEnabled}</Checkbox></Form.Item>
      </Space>
      <Button onClick={() => void save()}>{t.common.save}{t.units.channels}</Button>
    </Form>
  );
}
