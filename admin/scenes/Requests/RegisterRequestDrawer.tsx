/**
 * 登记申请: staff enter an application that came by letter, in person, by fax, etc. The channel
 * decides which date starts the clock (《条例》第三十一条): for ordinary mail, online, e-mail and fax
 * the date both sides confirmed receipt.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { disclosureRequests, units as unitsApi } from '../../api/endpoints.ts';
import type { DisclosureRequestInput, Unit } from '../../api/types.ts';
import { chinaDay } from '../../components/format.ts';
import { useUser } from '../../components/session.tsx';
import { t } from '../../i18n/index.ts';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

type Values = Omit<DisclosureRequestInput, 'handlingUnitId'> & { handlingUnitId?: number };

export function RegisterRequestDrawer({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: () => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [unitList, setUnitList] = useState<Unit[]>([]);
  const channel = Form.useWatch('channel', form);
  const kind = Form.useWatch('applicantKind', form);
  const needsConfirmation = !!channel && t.requests.confirmationChannels.includes(channel);

  useEffect(() => {
    if (!open || user.role !== 'office' || unitList.length) return;
    unitsApi.list().then((r) => setUnitList(r.items.filter((u) => !u.placeholder)), () => setUnitList([]));
  }, [open, user.role, unitList.length]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const input: DisclosureRequestInput = { ...v };
      for (const k of Object.keys(input) as (keyof DisclosureRequestInput)[]) if (input[k] === '' || input[k] === undefined) delete input[k];
      if (!needsConfirmation) delete input.receiptConfirmedOn;
      const created = await disclosureRequests.create(input);
      message.success(`${t.requests.registered}：${created.regNumber}`);
      form.resetFields();
      onRegistered();
      navigate(`/requests/${created.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const today = chinaDay();
  return (
    <Drawer
      title={t.requests.register}
      open={open}
      onClose={onClose}
      width={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t.common.save}</Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ channel: 'inPerson', arrivedOn: today, applicantKind: 'person', idType: 'idCard', formWanted: 'paper', deliveryWanted: 'post' }}
      >
        <Form.Item name="channel" label={t.requests.channel} rules={[{ required: true }]}>
          <Select options={options(t.requests.channels)} />
        </Form.Item>
        <Form.Item name="arrivedOn" label={t.requests.arrivedOn} rules={[{ required: true }]}>
          <Input type="date" max={today} />
        </Form.Item>
        {needsConfirmation && (
          <Form.Item name="receiptConfirmedOn" label={t.requests.fields.receiptConfirmedOn} extra={t.requests.fields.receiptHint}>
            <Input type="date" max={today} />
          </Form.Item>
        )}
        {user.role === 'office' && (
          <Form.Item name="handlingUnitId" label={t.requests.fields.handlingUnit}>
            <Select allowClear showSearch optionFilterProp="label" options={unitList.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="applicantKind" label={t.requests.applicantKind} rules={[{ required: true }]}>
          <Select options={options(t.requests.applicantKinds)} />
        </Form.Item>
        <Form.Item name="applicantName" label={t.requests.fields.applicantName} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        {kind === 'person' ? (
          <Space.Compact block>
            <Form.Item name="idType" label={t.requests.fields.idType} style={{ width: '40%' }}>
              <Select allowClear options={options(t.requests.idTypes)} />
            </Form.Item>
            <Form.Item name="idNumber" label={t.requests.fields.idNumber} style={{ width: '60%' }}>
              <Input />
            </Form.Item>
          </Space.Compact>
        ) : (
          <>
            <Form.Item name="creditCode" label={t.requests.fields.creditCode}><Input /></Form.Item>
            <Form.Item name="legalRepresentative" label={t.requests.fields.legalRepresentative}><Input /></Form.Item>
            <Form.Item name="contactPerson" label={t.requests.fields.contactPerson}><Input /></Form.Item>
          </>
        )}
        <Form.Item name="phone" label={t.requests.fields.phone}><Input /></Form.Item>
        <Form.Item name="email" label={t.requests.fields.email}><Input type="email" /></Form.Item>
        <Form.Item name="address" label={t.requests.fields.address}><Input /></Form.Item>
        <Form.Item name="description" label={t.requests.description} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={4} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item name="formWanted" label={t.requests.fields.formWanted} rules={[{ required: true }]}>
          <Select options={options(t.requests.forms)} />
        </Form.Item>
        <Form.Item name="deliveryWanted" label={t.requests.fields.deliveryWanted} rules={[{ required: true }]}>
          <Select options={options(t.requests.deliveries)} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
